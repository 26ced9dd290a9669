package io.camelbricks.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;

import org.junit.jupiter.api.Test;

class TransportExceptionTest {

    @Test
    void anUnknownHostIsNamedAndSaidToBeUnresolved() {
        TransportException e = new TransportException("GET /api/2.2/jobs/list", "https://dbc-x.example.test/api/2.2/jobs/list?limit=2",
                new UnknownHostException("dbc-x.example.test: Name or service not known"));

        assertThat(e.getMessage()).isEqualTo("GET /api/2.2/jobs/list failed: the host name dbc-x.example.test could not"
                + " be resolved (DNS): UnknownHostException: dbc-x.example.test: Name or service not known");
    }

    @Test
    void theJdkClientsMessagelessConnectExceptionIsExplainedByItsRootCause() {
        ConnectException jdk = new ConnectException();
        jdk.initCause(new ConnectException());
        jdk.getCause().initCause(new UnresolvedAddressException());

        TransportException e = new TransportException("POST /api/2.2/jobs/runs/submit", "https://dbc-x.example.test",
                jdk);

        assertThat(e.getMessage()).isEqualTo("POST /api/2.2/jobs/runs/submit failed: the host name dbc-x.example.test"
                + " could not be resolved (DNS): ConnectException caused by UnresolvedAddressException");
    }

    @Test
    void otherFailuresKeepTheirOwnWords() {
        TransportException e = new TransportException("GET /x", "http://127.0.0.1:1/x",
                new ConnectException("Connection refused"));

        assertThat(e.getMessage()).isEqualTo("GET /x failed: ConnectException: Connection refused");
        assertThat(new TransportException("GET /x", new UnknownHostException("h")).getMessage())
                .isEqualTo("GET /x failed: the host name could not be resolved (DNS): UnknownHostException: h");
    }
}
