package io.tributary.cli;

import io.tributary.model.Names;
import io.tributary.model.Stage;
import io.tributary.model.TopicName;

/** A dataset named on the command line as {@code <zone>.<dataset>}. */
record DatasetRef(String zone, String dataset) {

    static DatasetRef parse(String text) {
        String[] parts = text == null ? new String[0] : text.split("\\.", -1);
        if (parts.length != 2 || !Names.isValid(parts[0]) || !Names.isValid(parts[1])) {
            throw new UserFacingException("'" + text + "' is not <zone>.<dataset> (names match " + Names.RULE + "), e.g. finance.expenses");
        }
        return new DatasetRef(parts[0], parts[1]);
    }

    String topic(Stage stage) {
        return TopicName.of(zone, stage, dataset).toString();
    }

    @Override
    public String toString() {
        return zone + "." + dataset;
    }
}
