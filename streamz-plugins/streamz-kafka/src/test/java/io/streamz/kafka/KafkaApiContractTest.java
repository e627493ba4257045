package io.streamz.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.Test;

/**
 * Every public method of {@link Kafka} rejects {@code null} for each parameter not marked
 * {@code @Nullable}, with a {@link NullPointerException} naming the method and the parameter.
 */
class KafkaApiContractTest {
    @Test
    void everyFacadeMethodNamesANullParameter() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Method m : Kafka.class.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers())) {
                continue;
            }
            Parameter[] params = m.getParameters();
            for (int i = 0; i < params.length; i++) {
                if (nullable(params[i])) {
                    continue;
                }
                Object[] args = Arrays.stream(params).map(KafkaApiContractTest::valid).toArray();
                args[i] = null;
                String kind = m.getName().startsWith("toKafka") ? "toKafka" : m.getName().replace("Records", "");
                String param = params[i].getName();
                assertThatThrownBy(() -> invoke(m, args))
                        .as("%s(%s) with null %s", m.getName(), Arrays.toString(m.getParameterTypes()), param)
                        .isInstanceOf(NullPointerException.class)
                        .hasMessage(kind + ": " + param + " is null");
                checked.add(m.getName() + "." + param);
            }
        }
        assertThat(checked).hasSizeGreaterThan(30);
    }

    private static boolean nullable(Parameter p) {
        return Arrays.stream(p.getAnnotations()).anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
    }

    private static Object valid(Parameter p) {
        Class<?> t = p.getType();
        if (t == List.class) {
            return List.of("t");
        }
        if (t == Map.class) {
            return Map.of("bootstrap.servers", "127.0.0.1:9", "group.id", "g");
        }
        if (t == String.class) {
            return p.getName().equals("pollInterval") ? "1s" : "t";
        }
        if (t == Duration.class) {
            return Duration.ofSeconds(1);
        }
        if (t == Deserializer.class || t == Serializer.class) {
            return KafkaSerde.string();
        }
        if (t == KafkaSourceOptions.class) {
            return KafkaSourceOptions.defaults();
        }
        if (t == KafkaSinkOptions.class) {
            return KafkaSinkOptions.defaults();
        }
        if (t == Function.class) {
            return Function.identity();
        }
        throw new AssertionError("no valid value for " + p);
    }

    private static void invoke(Method m, Object[] args) throws Throwable {
        try {
            m.invoke(null, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
