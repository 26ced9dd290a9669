package io.camelbricks.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;

/**
 * {@code GET /api/2.2/jobs/list} over an endless number of jobs (job ids 1..N, N from the {@code total} query
 * parameter, default 1,000,000), each a copy of the emulator's first job with its own id and name. The emulator
 * copies its whole job table for each page (fine for tests, quadratic for a million jobs), so the streaming (heap)
 * check lists from this pager instead; it answers in O(page).
 */
final class SyntheticPager {
    private SyntheticPager() {
    }

    static String start(String emulatorUrl, String token) throws IOException, InterruptedException {
        ObjectMapper mapper = new ObjectMapper();
        HttpResponse<byte[]> first = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(emulatorUrl + "/api/2.2/jobs/list?limit=1")).header("Authorization", "Bearer " + token)
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        ObjectNode template = (ObjectNode) mapper.readTree(first.body()).path("jobs").get(0);
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/2.2/jobs/list", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            long offset = param(query, "page_token", 0);
            long limit = param(query, "limit", 20);
            long total = param(query, "total", 1_000_000);
            ObjectNode page = mapper.createObjectNode();
            ArrayNode jobs = page.putArray("jobs");
            long end = Math.min(total, offset + limit);
            for (long id = offset + 1; id <= end; id++) {
                ObjectNode job = template.deepCopy();
                job.put("job_id", id);
                ((ObjectNode) job.path("settings")).put("name", "synthetic-job-" + id);
                jobs.add(job);
            }
            page.put("has_more", end < total);
            if (end < total) {
                page.put("next_page_token", Long.toString(end));
            }
            byte[] body = mapper.writeValueAsBytes(page);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static long param(String query, String name, long otherwise) {
        if (query != null) {
            for (String pair : query.split("&")) {
                if (pair.startsWith(name + "=")) {
                    return Long.parseLong(pair.substring(name.length() + 1));
                }
            }
        }
        return otherwise;
    }
}
