package io.tributary.registry.server.leader;

import java.util.Optional;

/** Told by the group protocol what the latest election decided. */
interface ElectionListener {

    /** This instance's own description, sent when it joins. */
    MemberInfo self();

    /** A new assignment: the leader's URL (empty if no member may lead) and whether it is this instance. */
    void elected(Optional<String> leaderUrl, boolean self, int generation);

    /** A rebalance started: until it completes, nobody leads. */
    void revoked();
}
