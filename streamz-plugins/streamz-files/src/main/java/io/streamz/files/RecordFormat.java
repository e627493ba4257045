package io.streamz.files;

import java.util.List;

/** How a {@link FileSource} cuts its lines into records and turns records into elements. */
interface RecordFormat<R> {
    /** Whether {@code record} (one or more lines joined by {@code "\n"}) is complete. */
    boolean isComplete(CharSequence record);

    /**
     * The elements of one complete record: none for a header or a blank line, else one.
     *
     * @throws Exception if the record is malformed; the source skips it
     */
    List<R> parse(String record) throws Exception;
}
