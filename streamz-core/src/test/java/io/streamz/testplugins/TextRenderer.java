package io.streamz.testplugins;

import io.streamz.spi.GraphRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A renderer for tests: writes the format and the DOT text it was given into the file. */
public final class TextRenderer implements GraphRenderer {
    @Override
    public String name() {
        return "test text renderer";
    }

    @Override
    public void render(String dot, Path file, String format) throws IOException {
        Files.writeString(file, format + "\n" + dot, StandardCharsets.UTF_8);
    }
}
