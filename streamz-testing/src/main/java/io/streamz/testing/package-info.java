/**
 * Test helpers shared by the modules' tests (a test dependency only, never published).
 */
package io.streamz.testing;
