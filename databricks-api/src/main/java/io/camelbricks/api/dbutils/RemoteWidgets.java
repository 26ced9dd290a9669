package io.camelbricks.api.dbutils;

/** {@code dbutils.widgets} of the cluster's execution context. */
public final class RemoteWidgets {
    private final RemoteDbUtils remote;

    RemoteWidgets(RemoteDbUtils remote) {
        this.remote = remote;
    }

    /** {@code dbutils.widgets.get(name)}: the widget's value; an undefined widget is a {@link CommandFailedException}. */
    public String get(String name) {
        return remote.call(DbUtilsCall.of("widgets.get", name)).asText();
    }
}
