package io.streamz.parquet;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.apache.parquet.bytes.BytesInput;
import org.apache.parquet.compression.CompressionCodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.xerial.snappy.Snappy;

/**
 * Parquet's page codecs without Hadoop's (parquet-java's own factory loads Hadoop's codec
 * classes): uncompressed, Snappy (snappy-java), gzip (the JDK's) and Zstandard (zstd-jni), the
 * libraries parquet-java itself depends on.
 */
final class LocalCodecs implements CompressionCodecFactory {
    static final LocalCodecs INSTANCE = new LocalCodecs();

    private LocalCodecs() {
    }

    static CompressionCodecName supported(String name) {
        CompressionCodecName codec;
        try {
            codec = CompressionCodecName.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            codec = null;
        }
        if (codec != CompressionCodecName.UNCOMPRESSED && codec != CompressionCodecName.SNAPPY
                && codec != CompressionCodecName.GZIP && codec != CompressionCodecName.ZSTD) {
            throw new IllegalArgumentException("parquet: compression must be uncompressed, snappy, gzip or zstd, was \""
                    + name + "\"");
        }
        return codec;
    }

    @Override
    public BytesInputCompressor getCompressor(CompressionCodecName codec) {
        return new BytesInputCompressor() {
            @Override
            public BytesInput compress(BytesInput bytes) throws IOException {
                return BytesInput.from(LocalCodecs.compress(codec, bytes.toByteArray()));
            }

            @Override
            public CompressionCodecName getCodecName() {
                return codec;
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public BytesInputDecompressor getDecompressor(CompressionCodecName codec) {
        return new BytesInputDecompressor() {
            @Override
            public BytesInput decompress(BytesInput bytes, int uncompressedSize) throws IOException {
                return BytesInput.from(LocalCodecs.decompress(codec, bytes.toByteArray(), uncompressedSize));
            }

            @Override
            public void decompress(ByteBuffer input, int compressedSize, ByteBuffer output, int uncompressedSize)
                    throws IOException {
                byte[] in = new byte[compressedSize];
                input.get(in);
                output.put(LocalCodecs.decompress(codec, in, uncompressedSize));
            }

            @Override
            public void release() {
            }
        };
    }

    @Override
    public void release() {
    }

    private static byte[] compress(CompressionCodecName codec, byte[] in) throws IOException {
        switch (codec) {
            case UNCOMPRESSED:
                return in;
            case SNAPPY:
                return Snappy.compress(in);
            case ZSTD:
                return Zstd.compress(in);
            case GZIP:
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (OutputStream gz = new GZIPOutputStream(out)) {
                    gz.write(in);
                }
                return out.toByteArray();
            default:
                throw new IOException("parquet: no " + codec + " codec");
        }
    }

    private static byte[] decompress(CompressionCodecName codec, byte[] in, int size) throws IOException {
        switch (codec) {
            case UNCOMPRESSED:
                return in;
            case SNAPPY:
                return Snappy.uncompress(in);
            case ZSTD:
                return Zstd.decompress(in, size);
            case GZIP:
                try (InputStream gz = new GZIPInputStream(new ByteArrayInputStream(in))) {
                    return gz.readNBytes(size);
                }
            default:
                throw new IOException("parquet: the file uses the " + codec
                        + " codec; this reader has uncompressed, snappy, gzip and zstd");
        }
    }
}
