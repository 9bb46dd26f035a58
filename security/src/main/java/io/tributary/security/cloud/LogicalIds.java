package io.tributary.security.cloud;

import java.util.HashMap;
import java.util.Map;

/**
 * CloudFormation logical ids (alphanumeric) from names such as {@code fin_ops} and
 * {@code analyst}: {@code FinOps}, {@code Analyst}. Two names that would give one id are refused
 * rather than silently merged.
 */
final class LogicalIds {
    private final Map<String, String> sourceOfId = new HashMap<>();

    String of(String... parts) {
        StringBuilder id = new StringBuilder();
        for (String part : parts) {
            for (String word : part.split("[^A-Za-z0-9]+")) {
                if (!word.isEmpty()) {
                    id.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
                }
            }
        }
        String source = String.join("/", parts);
        String previous = sourceOfId.putIfAbsent(id.toString(), source);
        if (previous != null && !previous.equals(source)) {
            throw new CloudPolicyException("CloudFormation logical id " + id + " would stand for both '" + previous + "' and '" + source
                    + "'; rename one of the zones");
        }
        return id.toString();
    }
}
