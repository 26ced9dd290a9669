package io.camelbricks.api.http;

import java.io.IOException;

import org.apache.hc.client5.http.classic.ExecChain;
import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.classic.ExecRuntime;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.net.URIAuthority;

/**
 * The protocol step of Apache's chain for a transport that talks to its hosts directly (no proxy) and authenticates
 * by headers of its own ({@code Authorization} from the credentials provider), never by answering an HTTP challenge.
 * It does what Apache's {@code ProtocolExec} does for such a request: names the target on the request when it is not
 * named yet, hands the answer's body the release of its connection (back to the pool at the end of the body or when
 * the body is closed, dropped when it is aborted), and drops the connection of a failed exchange. It leaves out what
 * only challenge-response authentication and proxies need: the request path parsed into a URI for an auth scope on
 * every request, the auth exchanges looked up and the answer searched for challenges. On loopback the path parsing
 * alone was about 4 % of the calling thread's CPU samples, and a plain Apache loop with this step was 2–3 % faster
 * per submit-and-poll run (benchmarks/README.md, perf6). With a proxy the transport keeps Apache's step, which
 * answers the proxy's authentication.
 */
final class DirectProtocolExec implements ExecChainHandler {

    @Override
    public ClassicHttpResponse execute(ClassicHttpRequest request, ExecChain.Scope scope, ExecChain chain)
            throws IOException, HttpException {
        HttpHost target = scope.route.getTargetHost();
        if (request.getScheme() == null) {
            request.setScheme(target.getSchemeName());
        }
        if (request.getAuthority() == null) {
            request.setAuthority(new URIAuthority(target));
        }
        if (request.getAuthority().getUserInfo() != null) {
            // refused as Apache's step refuses it: credentials belong in headers, never in a URL
            throw new ProtocolException("a request URL must not carry user info (user:password@): use the"
                    + " credentials provider's headers instead");
        }
        ExecRuntime runtime = scope.execRuntime;
        try {
            ClassicHttpResponse response = chain.proceed(request, scope);
            HttpEntity body = response.getEntity();
            if (body != null && body.isStreaming()) {
                response.setEntity(new ConnectionReleasingEntity(body, runtime));
            }
            return response;
        } catch (HttpException | IOException | RuntimeException e) {
            runtime.discardEndpoint();
            throw e;
        }
    }
}
