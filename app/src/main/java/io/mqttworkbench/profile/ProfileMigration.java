package io.mqttworkbench.profile;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.mqttworkbench.mqtt.BrokerUrl;

/**
 * Brings older profiles documents up to the current schema, one version at a time, so a file written
 * by any earlier release opens. Version 1 (releases before 0.1) kept a flat list of "connections" with a
 * URL string; version 2 splits each profile into connection, session, auth, TLS and will sections.
 */
final class ProfileMigration {
    private ProfileMigration() {
    }

    static JsonObject toCurrent(JsonObject document) {
        int version = versionOf(document);
        if (version > ProfileJson.SCHEMA_VERSION) {
            throw new ProfileFormatException("written by a newer MQTT Workbench (schema version " + version
                    + "); this version reads up to " + ProfileJson.SCHEMA_VERSION);
        }
        JsonObject current = document;
        if (version == 1) {
            current = fromVersion1(current);
        }
        return current;
    }

    private static int versionOf(JsonObject document) {
        if (document.has("schemaVersion")) {
            return intOf(document.get("schemaVersion"), "schemaVersion");
        }
        if (document.has("version") && document.has("connections")) {
            return intOf(document.get("version"), "version");
        }
        throw new ProfileFormatException("not a profiles file: no schemaVersion");
    }

    private static JsonObject fromVersion1(JsonObject v1) {
        JsonArray profiles = new JsonArray();
        JsonElement connections = v1.get("connections");
        if (connections != null && connections.isJsonArray()) {
            for (JsonElement element : connections.getAsJsonArray()) {
                if (element.isJsonObject()) {
                    profiles.add(profileFromVersion1(element.getAsJsonObject()));
                }
            }
        }
        JsonObject v2 = new JsonObject();
        v2.addProperty("format", ProfileJson.FORMAT);
        v2.addProperty("schemaVersion", 2);
        v2.add("profiles", profiles);
        return v2;
    }

    private static JsonObject profileFromVersion1(JsonObject old) {
        JsonObject profile = new JsonObject();
        copy(old, "id", profile, "id");
        copy(old, "name", profile, "name");
        copy(old, "group", profile, "folder");
        copy(old, "clientId", profile, "clientId");

        BrokerUrl.WithCredentials typed;
        try {
            typed = BrokerUrl.parseWithCredentials(string(old, "url", "mqtt://localhost:1883"));
        } catch (IllegalArgumentException e) {
            throw new ProfileFormatException("connection '" + string(old, "name", "?") + "': " + e.getMessage());
        }
        BrokerUrl url = typed.url();
        JsonObject connection = new JsonObject();
        connection.addProperty("transport", url.transport().scheme());
        connection.addProperty("host", url.host());
        connection.addProperty("port", url.port());
        if (url.transport().websocket()) {
            connection.addProperty("path", url.path());
        }
        // Version 1 stored the protocol level: 4 is MQTT 3.1.1, 5 is MQTT 5.
        connection.addProperty("mqttVersion", old.has("protocolVersion") && old.get("protocolVersion").getAsInt() == 4 ? "3.1.1" : "5.0");
        profile.add("connection", connection);

        JsonObject session = new JsonObject();
        copy(old, "cleanSession", session, "cleanStart");
        copy(old, "keepAlive", session, "keepAliveSeconds");
        copy(old, "reconnect", session, "autoReconnect");
        profile.add("session", session);

        JsonObject auth = new JsonObject();
        copy(old, "username", auth, "username");
        copy(old, "password", auth, "password");
        // credentials written into the URL were dropped by earlier releases; the explicit fields win
        if (!auth.has("username") && typed.username() != null) {
            auth.addProperty("username", typed.username());
        }
        if (!auth.has("password") && typed.password() != null) {
            auth.addProperty("password", new String(typed.password()));
        }
        profile.add("auth", auth);

        if (old.has("ssl") && old.get("ssl").isJsonObject()) {
            JsonObject ssl = old.getAsJsonObject("ssl");
            JsonObject tls = new JsonObject();
            copy(ssl, "ca", tls, "caFile");
            copy(ssl, "cert", tls, "clientCertificateFile");
            copy(ssl, "key", tls, "clientKeyFile");
            if (ssl.has("rejectUnauthorized")) {
                boolean reject = ssl.get("rejectUnauthorized").getAsBoolean();
                tls.addProperty("trustAnyCertificate", !reject);
                tls.addProperty("verifyHostname", reject);
            }
            profile.add("tls", tls);
        }

        JsonArray subscriptions = new JsonArray();
        if (old.has("subscriptions") && old.get("subscriptions").isJsonArray()) {
            for (JsonElement element : old.getAsJsonArray("subscriptions")) {
                JsonObject subscription = new JsonObject();
                if (element.isJsonPrimitive()) {
                    subscription.addProperty("filter", element.getAsString());
                    subscription.addProperty("qos", 0);
                } else if (element.isJsonObject()) {
                    copy(element.getAsJsonObject(), "topic", subscription, "filter");
                    copy(element.getAsJsonObject(), "qos", subscription, "qos");
                }
                subscriptions.add(subscription);
            }
        }
        profile.add("subscriptions", subscriptions);
        return profile;
    }

    private static void copy(JsonObject from, String fromKey, JsonObject to, String toKey) {
        if (from.has(fromKey) && !from.get(fromKey).isJsonNull()) {
            to.add(toKey, from.get(fromKey));
        }
    }

    private static String string(JsonObject object, String key, String fallback) {
        return object.has(key) && object.get(key).isJsonPrimitive() ? object.get(key).getAsString() : fallback;
    }

    private static int intOf(JsonElement element, String name) {
        try {
            return element.getAsInt();
        } catch (RuntimeException e) {
            throw new ProfileFormatException(name + " is not a number");
        }
    }
}
