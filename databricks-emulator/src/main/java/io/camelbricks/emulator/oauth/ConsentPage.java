package io.camelbricks.emulator.oauth;

import io.camelbricks.emulator.server.ApiResponse;
import java.util.Map;
import java.util.Set;

/**
 * The HTML of the login/consent page and of error pages. Every value is escaped; the page is never cached nor
 * framed, and scripts only run with the per-page nonce (used by {@code autoApprove}).
 */
final class ConsentPage {

    private ConsentPage() {
    }

    static ApiResponse consent(String formAction, String requestId, String clientId, Set<String> scopes,
                               String defaultUser, boolean autoApprove) {
        String nonce = RandomTokens.next("");
        StringBuilder html = new StringBuilder(2048);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .append("<title>Sign in - Databricks emulator</title>")
            .append("<style>body{font-family:sans-serif;max-width:32em;margin:4em auto}")
            .append("button{margin-right:1em;padding:.4em 1.2em}</style></head><body>\n")
            .append("<h1>Sign in to the Databricks emulator</h1>\n")
            .append("<p>The application <strong id=\"client\">").append(escape(clientId))
            .append("</strong> asks for access to your workspace with the scopes: <code id=\"scopes\">")
            .append(escape(String.join(" ", scopes))).append("</code></p>\n")
            .append("<form id=\"consent\" method=\"post\" action=\"").append(escape(formAction)).append("\">\n")
            .append("<input type=\"hidden\" name=\"request_id\" value=\"").append(escape(requestId)).append("\">\n")
            .append("<p><label>User <input type=\"text\" name=\"user\" value=\"").append(escape(defaultUser))
            .append("\"></label></p>\n")
            .append("<button type=\"submit\" id=\"allow\" name=\"decision\" value=\"allow\">Allow</button>")
            .append("<button type=\"submit\" id=\"deny\" name=\"decision\" value=\"deny\">Deny</button>\n")
            .append("</form>\n");
        if (autoApprove) {
            html.append("<script nonce=\"").append(nonce).append("\">")
                .append("document.getElementById('allow').click();</script>\n");
        }
        html.append("</body></html>\n");
        return ApiResponse.html(200, html.toString(), Map.of(
                "Cache-Control", "no-store",
                "X-Frame-Options", "DENY",
                "Referrer-Policy", "no-referrer",
                "Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-"
                        + nonce + "'; frame-ancestors 'none'"));
    }

    /** An error shown to the user instead of a redirect (unknown client, unregistered redirect, stale form). */
    static ApiResponse error(int status, String title, String message) {
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + escape(title)
                + "</title></head><body><h1>" + escape(title) + "</h1><p id=\"error\">" + escape(message)
                + "</p></body></html>\n";
        return ApiResponse.html(status, html, Map.of("Cache-Control", "no-store", "X-Frame-Options", "DENY",
                "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'"));
    }

    static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(s.length() + 16);
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }
}
