package io.tributary.processors;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.apache.avro.Schema;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.tributary.model.DatasetSpec;
import io.tributary.model.DescriptorLoader;
import io.tributary.model.ZoneDescriptor;

/** The test zone {@code shop} (src/test/resources/zones/shop.yaml) and sample records of it. */
public final class ShopFixtures {
    private static final ObjectMapper JSON = new ObjectMapper();

    public static final String VALID_ORDER = """
            {"order_id": "o-1001",
             "customer": {"id": 42, "email": "ann@example.com", "address": {"city": "Ghent", "postcode": "9000"}},
             "status": "PAID",
             "placed_at": "2024-05-01T10:15:30Z",
             "delivery_date": "2024-05-03",
             "total": 25.50,
             "items": [{"sku": "A-1", "quantity": 1, "price": 10.00}, {"sku": "B-2", "quantity": 2, "price": "7.75"}],
             "attributes": {"channel": "web"},
             "weight_kg": 1.25,
             "note": "fields the schema does not declare are ignored"}
            """;

    public static final String VALID_PAYMENT = """
            {"payment_id": "p-1", "order_id": "o-1001", "amount": "25.50", "paid_at": "2024-05-01T10:16:00.000123Z"}
            """;

    private ShopFixtures() {
    }

    public static Path descriptorPath() {
        try {
            return Path.of(ShopFixtures.class.getResource("/zones/shop.yaml").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ZoneDescriptor zone() {
        return DescriptorLoader.load(descriptorPath());
    }

    public static DatasetSpec dataset(String name) {
        return zone().dataset(name).orElseThrow();
    }

    public static Schema ordersSchema() {
        return dataset("orders").schema();
    }

    /** The valid order with one field set to {@code jsonValue} (JSON text). */
    public static String orderWith(String field, String jsonValue) {
        try {
            ObjectNode order = (ObjectNode) JSON.readTree(VALID_ORDER);
            order.set(field, JSON.readTree(jsonValue));
            return JSON.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The valid order without {@code field}. */
    public static String orderWithout(String field) {
        try {
            ObjectNode order = (ObjectNode) JSON.readTree(VALID_ORDER);
            order.remove(field);
            return JSON.writeValueAsString(order);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
