package io.dysession.internal.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.dysession.internal.config.ConfigKeys;
import io.dysession.internal.config.Settings;
import io.dysession.internal.config.SettingsReader;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgGroupSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * The library's table, connection and encryption settings as flags of every command (the
 * encryption keys as an environment variable only), resolved like
 * MicroProfile Config would: a flag, else its environment variable, else the library's default;
 * then validated by the library's own {@link SettingsReader}.
 */
final class SettingsOptions {

    /** A key the tool reads and the flag that sets it. */
    private record Flag(String key, String name, String label, String description) {
    }

    /** The keys the tool reads; other dysession.* variables in the environment are the application's business. */
    private static final List<Flag> FLAGS = List.of(
            new Flag(ConfigKeys.TABLE_NAME, "--table-name", "NAME",
                    "DynamoDB table (env DYSESSION_TABLE_NAME; default: sessions)"),
            new Flag(ConfigKeys.PARTITION_KEY, "--partition-key", "NAME",
                    "partition key attribute, type S (env DYSESSION_TABLE_PARTITION_KEY; default: PK)"),
            new Flag(ConfigKeys.SORT_KEY, "--sort-key", "NAME", "sort key attribute, type S, for tables that have "
                    + "one (env DYSESSION_TABLE_SORT_KEY; default: none)"),
            new Flag(ConfigKeys.SORT_KEY_VALUE, "--sort-key-value", "TEXT",
                    "sort key value of session items (env DYSESSION_TABLE_SORT_KEY_VALUE; default: session)"),
            new Flag(ConfigKeys.KEY_PREFIX, "--key-prefix", "TEXT",
                    "text before the id digest in the partition key (env DYSESSION_TABLE_KEY_PREFIX; default: empty)"),
            new Flag(ConfigKeys.TTL_ATTRIBUTE, "--ttl-attribute", "NAME",
                    "expiry attribute, epoch seconds (env DYSESSION_TABLE_TTL_ATTRIBUTE; default: ttl)"),
            new Flag(ConfigKeys.CALLER_INDEX, "--caller-index", "NAME", "global secondary index of logged-in "
                    + "sessions by caller (env DYSESSION_TABLE_CALLER_INDEX; default: caller-index)"),
            new Flag(ConfigKeys.REGION, "--region", "REGION",
                    "AWS region (env DYSESSION_DYNAMODB_REGION; default: the AWS SDK chain, e.g. AWS_REGION)"),
            new Flag(ConfigKeys.ENDPOINT, "--endpoint", "URL", "endpoint override: an emulator (moto) or a compatible "
                    + "store (env DYSESSION_DYNAMODB_ENDPOINT; default: the region's endpoint)"),
            new Flag(ConfigKeys.ACCESS_KEY_ID, "--access-key-id", "ID", "static access key, the least preferred way: "
                    + "prefer the AWS SDK chain (env DYSESSION_DYNAMODB_ACCESS_KEY_ID)"),
            new Flag(ConfigKeys.SECRET_ACCESS_KEY, "--secret-access-key", "SECRET", "the secret of that key; as a "
                    + "flag it shows in the process list, so prefer env DYSESSION_DYNAMODB_SECRET_ACCESS_KEY"),
            new Flag(ConfigKeys.ENCRYPTION_ACTIVE_KEY, "--active-key", "ID", "id of the encryption key new values "
                    + "are sealed under (env DYSESSION_ENCRYPTION_ACTIVE_KEY; default: the first id in "
                    + "DYSESSION_ENCRYPTION_KEYS). The keys themselves come from env DYSESSION_ENCRYPTION_KEYS only "
                    + "(id:base64, comma-separated), never a flag: a flag would show key material in the process "
                    + "list and the shell history"));

    /**
     * Keys the tool reads from the environment only, never from a flag: the encryption keys, which
     * a flag would put in the process list and the shell history.
     */
    private static final List<String> ENVIRONMENT_ONLY = List.of(ConfigKeys.ENCRYPTION_KEYS);
    // Accepted only to be refused without echoing its value, as picocli's "Unknown option" would.
    private static final String KEYS_FLAG = "--encryption-keys";

    private SettingsOptions() {
    }

    /** Adds the settings flags to a command, as one group in its help. */
    static void addTo(CommandSpec command) {
        ArgGroupSpec.Builder group = ArgGroupSpec.builder().exclusive(false).validate(false)
                .heading("%nSettings (a flag wins over its environment variable, which wins over the default):%n");
        for (Flag flag : FLAGS) {
            group.addArg(OptionSpec.builder(flag.name()).paramLabel(flag.label()).description(flag.description())
                    .type(String.class).build());
        }
        command.addArgGroup(group.build());
        command.addOption(OptionSpec.builder(KEYS_FLAG).hidden(true).type(String.class).arity("0..1").build());
    }

    /**
     * The validated settings; invalid values are a usage error (exit code 2) naming the key and
     * the value, like a failed deployment.
     */
    static Settings resolve(CommandSpec command, Map<String, String> environment) {
        CommandLine.ParseResult parsed = command.commandLine().getParseResult();
        if (parsed != null && parsed.hasMatchedOption(KEYS_FLAG)) {
            throw new ParameterException(command.commandLine(), ConfigKeys.ENCRYPTION_KEYS + " is read from the "
                    + "environment variable DYSESSION_ENCRYPTION_KEYS only, never from a flag: a flag shows the keys "
                    + "in the process list and the shell history. The value given was not used (and is not shown).");
        }
        SettingsReader.Result result = SettingsReader.read(source(command, environment));
        if (!result.problems().isEmpty()) {
            throw new ParameterException(command.commandLine(), String.join(System.lineSeparator(),
                    result.problems()) + System.lineSeparator() + "Each dysession.* key is set by the flag or "
                    + "environment variable of the same name: dysession.table.name by --table-name or "
                    + "DYSESSION_TABLE_NAME; " + ConfigKeys.ENCRYPTION_KEYS + " by DYSESSION_ENCRYPTION_KEYS only.");
        }
        return result.settings();
    }

    private static Function<String, Optional<String>> source(CommandSpec command, Map<String, String> environment) {
        return key -> ENVIRONMENT_ONLY.contains(key) ? fromEnvironment(environment, key) : FLAGS.stream().filter(flag -> flag.key().equals(key)).findFirst()
                .flatMap(flag -> Optional.ofNullable(command.findOption(flag.name()).<String>getValue())
                        .or(() -> fromEnvironment(environment, key)));
    }

    /**
     * MicroProfile Config's environment variable names for a key: the key itself, then with every
     * character other than a letter or digit replaced by '_', then that in upper case.
     */
    static Optional<String> fromEnvironment(Map<String, String> environment, String key) {
        String sanitized = key.replaceAll("[^A-Za-z0-9]", "_");
        for (String name : List.of(key, sanitized, sanitized.toUpperCase(Locale.ROOT))) {
            if (environment.containsKey(name)) {
                return Optional.of(environment.get(name));
            }
        }
        return Optional.empty();
    }
}
