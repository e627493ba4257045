package io.streamz.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.testng.ITestResult;
import org.testng.TestListenerAdapter;
import org.testng.TestNG;

/**
 * Runs the Reactive Streams TCK (TestNG-based) from JUnit, so that {@code mvn verify} runs it:
 * {@link ToPublisherVerification} for {@code toPublisher()} and {@link FromPublisherVerification} for the
 * subscriber of {@code fromPublisher}. Rules that do not apply are skipped by the TCK itself.
 */
class ReactiveStreamsTckTest {
    /** How long the TCK waits for an expected signal: generous, as CI machines may be loaded. */
    static final long TIMEOUT_MILLIS = 2000;
    /** How long the TCK waits to be sure no signal comes (every such check costs this much). */
    static final long NO_SIGNAL_TIMEOUT_MILLIS = 300;

    @Test
    void toPublisherPassesThePublisherVerification() {
        assertPasses(ToPublisherVerification.class);
    }

    @Test
    void fromPublisherPassesTheSubscriberVerification() {
        assertPasses(FromPublisherVerification.class);
    }

    private static void assertPasses(Class<?> verification) {
        TestNG testng = new TestNG(false);
        testng.setUseDefaultListeners(false);
        testng.setVerbose(0);
        testng.setTestClasses(new Class<?>[] {verification});
        TestListenerAdapter results = new TestListenerAdapter();
        testng.addListener(results);
        testng.run();
        String failures = results.getFailedTests().stream()
                .map(r -> r.getName() + ": " + r.getThrowable())
                .collect(Collectors.joining("\n"));
        assertThat(failures).as("TCK failures of " + verification.getSimpleName()).isEmpty();
        assertThat(results.getPassedTests()).hasSizeGreaterThan(10);
        assertThat(results.getConfigurationFailures()).extracting(ITestResult::getName).isEmpty();
    }
}
