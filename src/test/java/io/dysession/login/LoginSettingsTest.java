package io.dysession.login;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;

import io.dysession.internal.config.LoginSettings;
import io.dysession.internal.config.SettingsReader;

/** The dysession.login.* keys and the caller index name: defaults, and every invalid value reported at once. */
class LoginSettingsTest {

    @Test
    void defaultsAreNoCapEndOldestAndTheIndexCallerIndex() {
        SettingsReader.Result result = SettingsReader.read(key -> Optional.empty());
        assertEquals(List.of(), result.problems());
        assertEquals(new LoginSettings(OptionalInt.empty(), LoginSettings.OnMaxSessions.END_OLDEST),
                result.settings().login());
        assertEquals("caller-index", result.settings().table().callerIndex());
    }

    @Test
    void aCapWithRefuse() {
        Map<String, String> values = Map.of("dysession.login.max-sessions", "3",
                "dysession.login.on-max-sessions", "REFUSE", "dysession.table.caller-index", "by-caller",
                "dysession.login.mechanisms", "all");
        SettingsReader.Result result = SettingsReader.read(key -> Optional.ofNullable(values.get(key)));
        assertEquals(List.of(), result.problems());
        assertEquals(new LoginSettings(OptionalInt.of(3), LoginSettings.OnMaxSessions.REFUSE),
                result.settings().login());
        assertEquals("by-caller", result.settings().table().callerIndex());
    }

    @Test
    void invalidValuesNameTheKeyAndWhatIsExpected() {
        Map<String, String> values = Map.of("dysession.login.max-sessions", "0",
                "dysession.login.on-max-sessions", "oldest", "dysession.login.mechanisms", "form",
                "dysession.table.caller-index", "x");
        SettingsReader.Result result = SettingsReader.read(key -> Optional.ofNullable(values.get(key)));
        assertEquals(List.of(
                "Invalid configuration: dysession.table.caller-index=x is not valid; expected 3 to 255 characters "
                        + "from A-Z, a-z, 0-9, '_', '-' and '.'.",
                "Invalid configuration: dysession.login.max-sessions=0 is not valid; expected a number of "
                        + "sessions, 1 or more.",
                "Invalid configuration: dysession.login.on-max-sessions=oldest is not valid; expected end-oldest "
                        + "or refuse.",
                "Invalid configuration: dysession.login.mechanisms=form is not valid; expected application or all."),
                result.problems());
    }
}
