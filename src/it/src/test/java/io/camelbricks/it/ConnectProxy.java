package io.camelbricks.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback HTTP proxy that only tunnels: {@code CONNECT host:port} opens a real socket to that address and relays
 * bytes both ways, as an HTTPS proxy does. With {@code proxyAuthorization} (a full header value, e.g.
 * {@code Basic ...}), a CONNECT without exactly that {@code Proxy-Authorization} gets
 * {@code 407 Proxy-Authenticate: Basic} and the connection is closed. Anything but CONNECT gets {@code 405}.
 *
 * <p>It records every CONNECT (target and headers), and every byte any client sent it, request heads and tunnelled
 * bytes alike ({@link #bytesFromClients()}): what a proxy could read, to show that a secret never crossed it in clear.
 */
final class ConnectProxy implements AutoCloseable {
    /** One CONNECT as the proxy saw it, and what it answered. */
    record Connect(String target, Map<String, String> headers, int status) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private final ServerSocket server;
    private final String proxyAuthorization;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "it-connect-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Connect> connects = Collections.synchronizedList(new ArrayList<>());
    private final List<Socket> sockets = Collections.synchronizedList(new ArrayList<>());
    private final ByteArrayOutputStream fromClients = new ByteArrayOutputStream();

    ConnectProxy(String proxyAuthorization) throws IOException {
        this.proxyAuthorization = proxyAuthorization;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        threads.execute(this::accept);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                sockets.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head == null) {
                    client.close();
                    return;
                }
                String[] requestLine = head.get(0).split(" ");
                Map<String, String> headers = new LinkedHashMap<>();
                for (String line : head.subList(1, head.size())) {
                    int colon = line.indexOf(':');
                    if (colon > 0) {
                        headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                line.substring(colon + 1).trim());
                    }
                }
                if (!"CONNECT".equals(requestLine[0])) {
                    connects.add(new Connect(requestLine[1], headers, 405));
                    answer(out, "405 Method Not Allowed", "Connection: close\r\n");
                    client.close();
                    return;
                }
                if (proxyAuthorization != null && !proxyAuthorization.equals(headers.get("proxy-authorization"))) {
                    connects.add(new Connect(requestLine[1], headers, 407));
                    // the connection stays open, as real proxies keep it for the client's next (authorised) attempt
                    answer(out, "407 Proxy Authentication Required",
                            "Proxy-Authenticate: Basic realm=\"it-connect-proxy\"\r\n");
                    continue;
                }
                connects.add(new Connect(requestLine[1], headers, 200));
                tunnel(client, in, out, requestLine[1]);
                return;
            }
        } catch (IOException e) {
            closeQuietly(client);
        }
    }

    private void tunnel(Socket client, InputStream in, OutputStream out, String target) throws IOException {
        int colon = target.lastIndexOf(':');
        Socket upstream = new Socket(target.substring(0, colon), Integer.parseInt(target.substring(colon + 1)));
        sockets.add(upstream);
        out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        threads.execute(() -> pump(upstream, client, false));
        pump(client, upstream, true);
    }

    /** Copies {@code from} to {@code to} until either side closes; client bytes are recorded. */
    private void pump(Socket from, Socket to, boolean record) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                if (record) {
                    recordFromClient(buffer, n);
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException closed) {
            // one side went away: the tunnel ends
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** The request head (request line and header lines), or null at the end of the stream. */
    private List<String> readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        byte[] bytes = head.toByteArray();
        recordFromClient(bytes, bytes.length);
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        return List.of(text.substring(0, text.length() - 4).split("\r\n"));
    }

    private static void answer(OutputStream out, String status, String headers) throws IOException {
        out.write(("HTTP/1.1 " + status + "\r\n" + headers + "Content-Length: 0\r\n\r\n")
                .getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    private void recordFromClient(byte[] bytes, int n) {
        synchronized (fromClients) {
            fromClients.write(bytes, 0, n);
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    int port() {
        return server.getLocalPort();
    }

    List<Connect> connects() {
        return List.copyOf(connects);
    }

    /** Every byte the proxy received from its clients so far (heads and tunnelled bytes), as Latin-1 text. */
    String bytesFromClients() {
        synchronized (fromClients) {
            return fromClients.toString(StandardCharsets.ISO_8859_1);
        }
    }

    long byteCountFromClients() {
        synchronized (fromClients) {
            return fromClients.size();
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        synchronized (sockets) {
            sockets.forEach(ConnectProxy::closeQuietly);
        }
        threads.shutdownNow();
    }
}
