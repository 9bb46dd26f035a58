package io.tributary.security.cloud;

import java.util.List;

/**
 * What one principal may do in the cloud, before it is written as IAM or Lake Formation: read
 * lake locations (objects and their catalog tables), write lake locations (the sink: objects,
 * checkpoints, tables and partitions), and query with Athena in its zone's workgroup.
 *
 * @param roleName the IAM role's name, which is also the principal's user name ({@code finance-analyst})
 */
public record CloudGrant(String roleName, String zone, List<LakeLocation> reads, List<LakeLocation> writes, boolean queries) {

    public CloudGrant {
        reads = List.copyOf(reads);
        writes = List.copyOf(writes);
    }
}
