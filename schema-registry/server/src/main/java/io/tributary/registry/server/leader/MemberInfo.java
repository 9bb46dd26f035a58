package io.tributary.registry.server.leader;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What an instance tells the group about itself when it joins (its URL, whether it may lead),
 * and what the group's assignment tells every member (the elected leader's URL). Carried as
 * JSON in the group protocol's user data.
 */
record MemberInfo(String url, boolean eligible) {
    private static final ObjectMapper JSON = new ObjectMapper();

    ByteBuffer encode() {
        try {
            return ByteBuffer.wrap(JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Empty for user data that is missing or not ours (another kind of member in the group). */
    static Optional<MemberInfo> decode(ByteBuffer data) {
        if (data == null || !data.hasRemaining()) {
            return Optional.empty();
        }
        byte[] bytes = new byte[data.remaining()];
        data.duplicate().get(bytes);
        try {
            MemberInfo info = JSON.readValue(bytes, MemberInfo.class);
            return info.url() == null ? Optional.empty() : Optional.of(info);
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
