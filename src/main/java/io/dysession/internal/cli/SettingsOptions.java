package io.dysession.internal.cli;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.dysession.internal.config.ConfigKeys;
import io.dysession.internal.config.Settings;
import io.dysession.internal.config.SettingsReader;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * The library's table and connection settings as flags of every command, resolved like
 * MicroProfile Config would: a flag, else its environment variable, else the library's default;
 * then validated by the library's own {@link SettingsReader}.
 */
final class SettingsOptions {

    /**
     * The keys the tool reads, each with the flag that sets it; other dysession.* variables in the
     * environment are the application's business.
     */
    private static final Map<String, Function<Flags, String>> FLAGS = Map.ofEntries(
            Map.entry(ConfigKeys.TABLE_NAME, flags -> flags.tableName),
            Map.entry(ConfigKeys.PARTITION_KEY, flags -> flags.partitionKey),
            Map.entry(ConfigKeys.SORT_KEY, flags -> flags.sortKey),
            Map.entry(ConfigKeys.SORT_KEY_VALUE, flags -> flags.sortKeyValue),
            Map.entry(ConfigKeys.KEY_PREFIX, flags -> flags.keyPrefix),
            Map.entry(ConfigKeys.TTL_ATTRIBUTE, flags -> flags.ttlAttribute),
            Map.entry(ConfigKeys.REGION, flags -> flags.region),
            Map.entry(ConfigKeys.ENDPOINT, flags -> flags.endpoint),
            Map.entry(ConfigKeys.ACCESS_KEY_ID, flags -> flags.accessKeyId),
            Map.entry(ConfigKeys.SECRET_ACCESS_KEY, flags -> flags.secretAccessKey));

    @ArgGroup(validate = false, heading = "%nSettings (a flag wins over its environment variable, which wins over "
            + "the default):%n")
    private Flags flags;

    static final class Flags {
        @Option(names = "--table-name", paramLabel = "NAME", description = "DynamoDB table (env "
                + "DYSESSION_TABLE_NAME; default: sessions)")
        String tableName;

        @Option(names = "--partition-key", paramLabel = "NAME", description = "partition key attribute, type S (env "
                + "DYSESSION_TABLE_PARTITION_KEY; default: PK)")
        String partitionKey;

        @Option(names = "--sort-key", paramLabel = "NAME", description = "sort key attribute, type S, for tables "
                + "that have one (env DYSESSION_TABLE_SORT_KEY; default: none)")
        String sortKey;

        @Option(names = "--sort-key-value", paramLabel = "TEXT", description = "sort key value of session items "
                + "(env DYSESSION_TABLE_SORT_KEY_VALUE; default: session)")
        String sortKeyValue;

        @Option(names = "--key-prefix", paramLabel = "TEXT", description = "text before the id digest in the "
                + "partition key (env DYSESSION_TABLE_KEY_PREFIX; default: empty)")
        String keyPrefix;

        @Option(names = "--ttl-attribute", paramLabel = "NAME", description = "expiry attribute, epoch seconds (env "
                + "DYSESSION_TABLE_TTL_ATTRIBUTE; default: ttl)")
        String ttlAttribute;

        @Option(names = "--region", paramLabel = "REGION", description = "AWS region (env DYSESSION_DYNAMODB_REGION; "
                + "default: the AWS SDK chain, e.g. AWS_REGION)")
        String region;

        @Option(names = "--endpoint", paramLabel = "URL", description = "endpoint override: DynamoDB Local or a "
                + "compatible store (env DYSESSION_DYNAMODB_ENDPOINT; default: the region's endpoint)")
        String endpoint;

        @Option(names = "--access-key-id", paramLabel = "ID", description = "static access key, the least preferred "
                + "way: prefer the AWS SDK chain (env DYSESSION_DYNAMODB_ACCESS_KEY_ID)")
        String accessKeyId;

        @Option(names = "--secret-access-key", paramLabel = "SECRET", description = "the secret of that key; as a "
                + "flag it shows in the process list, so prefer env DYSESSION_DYNAMODB_SECRET_ACCESS_KEY")
        String secretAccessKey;
    }

    /**
     * The validated settings; invalid values are a usage error (exit code 2) naming the key and
     * the value, like a failed deployment.
     */
    Settings resolve(Map<String, String> environment, CommandSpec spec) {
        SettingsReader.Result result = SettingsReader.read(source(environment));
        if (!result.problems().isEmpty()) {
            throw new ParameterException(spec.commandLine(), String.join(System.lineSeparator(), result.problems())
                    + System.lineSeparator() + "Each dysession.* key is set by the flag or environment variable of "
                    + "the same name: dysession.table.name by --table-name or DYSESSION_TABLE_NAME.");
        }
        return result.settings();
    }

    private Function<String, Optional<String>> source(Map<String, String> environment) {
        return key -> FLAGS.containsKey(key)
                ? Optional.ofNullable(flags == null ? null : FLAGS.get(key).apply(flags))
                        .or(() -> fromEnvironment(environment, key))
                : Optional.empty();
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
