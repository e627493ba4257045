package io.streamz.net;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/** An HTTP/1.1 client on a plain socket, to send what well-behaved clients never send. */
final class RawHttp implements AutoCloseable {
    final Socket socket;

    RawHttp(int port, Duration patience) throws IOException {
        socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout((int) patience.toMillis());
    }

    RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp send(byte[] bytes) throws IOException {
        OutputStream o = socket.getOutputStream();
        o.write(bytes);
        o.flush();
        return this;
    }

    /** One response: status, headers and a body read by its Content-Length. */
    record Response(int status, String head, String body) {
        String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    Response read() throws IOException {
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed after " + head.size() + " bytes: \"" + head + "\"");
            }
            head.write(b);
        }
        String h = head.toString(StandardCharsets.ISO_8859_1);
        int status = Integer.parseInt(h.substring(9, 12));
        Response r = new Response(status, h, "");
        String length = r.header("content-length");
        byte[] body = in.readNBytes(length == null ? 0 : Integer.parseInt(length));
        return new Response(status, h, new String(body, StandardCharsets.UTF_8));
    }

    /** Whether the server closed the connection: end of stream (or a reset) before any byte. */
    boolean closedByServer() throws IOException {
        try {
            return socket.getInputStream().read() < 0;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (IOException reset) {
            return reset.getMessage() != null && reset.getMessage().toLowerCase(Locale.ROOT).contains("reset");
        }
    }

    static String post(String path, String body, String... headers) {
        StringBuilder b = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String h : headers) {
            b.append(h).append("\r\n");
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return b.append("Content-Length: ").append(bytes.length).append("\r\n\r\n").append(body).toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
