package dev.segments.engine;

import com.google.re2j.Pattern;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code matches} operator: an RE2 pattern found anywhere in the value, in linear time. Called from generated
 * constraints; compiled patterns are kept per pattern text (a pure function of it), as many as the rules use.
 * Generated DRL imports it as a function and calls it unqualified, so that Drools sees the property it reads
 * (see {@link NullSafeText}).
 */
public final class Re2 {

    private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

    private Re2() {
    }

    public static boolean patternFound(String value, String regex) {
        if (value == null) {
            return false;
        }
        return COMPILED.computeIfAbsent(regex, Pattern::compile).matcher(value).find();
    }
}
