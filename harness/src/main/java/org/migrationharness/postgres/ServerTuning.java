package org.migrationharness.postgres;

import java.util.LinkedHashMap;
import java.util.Map;

/** Server settings for throwaway test servers: durability off, room for parallel services and large schemas. */
final class ServerTuning {

    private ServerTuning() {
    }

    static Map<String, String> throwawaySettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("fsync", "off");
        settings.put("synchronous_commit", "off");
        settings.put("full_page_writes", "off");
        settings.put("max_connections", "200");
        settings.put("max_locks_per_transaction", "1024");
        settings.put("shared_buffers", "128MB");
        settings.put("listen_addresses", "localhost");
        return settings;
    }
}
