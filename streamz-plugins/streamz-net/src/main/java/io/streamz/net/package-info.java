/**
 * HTTP, WebSocket and TCP connectors on Reactor Netty: {@link io.streamz.net.Net#fromHttpServer},
 * {@link io.streamz.net.Net#fromWebsocket}, {@link io.streamz.net.Net#toWebsocket},
 * {@link io.streamz.net.Net#fromTcp}, also reachable as the plugins {@code "from_http_server"},
 * {@code "from_websocket"}, {@code "to_websocket"} and {@code "from_tcp"}.
 */
package io.streamz.net;
