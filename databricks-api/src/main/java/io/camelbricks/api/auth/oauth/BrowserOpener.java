package io.camelbricks.api.auth.oauth;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows the authorization page of an {@code external-browser} login to the user. The default
 * ({@link #system()}) uses {@code java.awt.Desktop} when there is a desktop, else the platform's opener
 * ({@code xdg-open}, {@code open}, {@code rundll32}); tests plug in one that drives the page with an HTTP client or a
 * headless browser.
 */
@FunctionalInterface
public interface BrowserOpener {

    /** Opens {@code authorizationUrl}; returns at once (the login completes through the redirect). */
    void open(URI authorizationUrl) throws IOException;

    /** The user's browser; when none can be started, the URL is logged (WARN) for the user to open by hand. */
    static BrowserOpener system() {
        return SystemBrowser.INSTANCE;
    }

    /** The default opener. */
    final class SystemBrowser implements BrowserOpener {
        static final SystemBrowser INSTANCE = new SystemBrowser();
        private static final Logger LOG = LoggerFactory.getLogger(BrowserOpener.class);

        private SystemBrowser() {
        }

        @Override
        public void open(URI url) {
            try {
                if (desktopBrowse(url)) {
                    return;
                }
                new ProcessBuilder(command(url)).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                LOG.warn("Cannot open a browser ({}); open this URL to log in: {}", e.getClass().getSimpleName(), url);
            }
        }

        /** Through {@code java.awt.Desktop}; false when headless or when {@code java.desktop} is missing. */
        private static boolean desktopBrowse(URI url) throws IOException {
            try {
                if (!GraphicsEnvironment.isHeadless() && Desktop.isDesktopSupported()
                        && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                    Desktop.getDesktop().browse(url);
                    return true;
                }
            } catch (LinkageError e) {
                LOG.debug("java.awt.Desktop is not available: {}", e.toString());
            }
            return false;
        }

        private static List<String> command(URI url) {
            String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
            if (os.contains("win")) {
                return List.of("rundll32", "url.dll,FileProtocolHandler", url.toString());
            }
            if (os.contains("mac")) {
                return List.of("open", url.toString());
            }
            return List.of("xdg-open", url.toString());
        }
    }
}
