package io.tributary.security.acl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.tributary.model.DatasetRef;
import io.tributary.model.Publication;
import io.tributary.model.Stage;
import io.tributary.model.ZoneDescriptor;

/**
 * Refuses descriptors that would grant access the platform never gives: publishing to a zone
 * that does not exist, publishing landing (raw data is the platform's alone) or something the
 * zone does not have, or reading another zone's data it has not published to this zone.
 */
final class AclInputCheck {
    private AclInputCheck() {
    }

    static Map<String, ZoneDescriptor> byName(List<ZoneDescriptor> zones) {
        List<String> problems = new ArrayList<>();
        Map<String, ZoneDescriptor> byName = new LinkedHashMap<>();
        for (ZoneDescriptor zone : zones) {
            ZoneDescriptor other = byName.putIfAbsent(zone.zone(), zone);
            if (other != null) {
                problems.add("zone " + zone.zone() + " is described twice: in " + other.source() + " and in " + zone.source());
            }
        }
        for (ZoneDescriptor zone : zones) {
            zone.publishes().forEach(p -> checkPublication(zone, p, byName, problems));
            for (ZoneDescriptor.UsedDataset use : zone.uses()) {
                checkUse(zone, use.ref(), "uses", byName, problems);
            }
            for (DatasetRef ref : ZoneReads.foreignRefs(zone)) {
                if (!zone.uses(ref)) {
                    problems.add(where(zone) + "reads " + ref + " but does not list it under uses");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new AclDerivationException(problems);
        }
        return byName;
    }

    private static void checkPublication(ZoneDescriptor zone, Publication publication, Map<String, ZoneDescriptor> zones,
            List<String> problems) {
        String name = publication.dataset();
        String at = where(zone) + "publishes " + name + placeOf(publication) + ": ";
        if (mentionsLanding(name)) {
            problems.add(at + "landing data is never published (raw, unapproved data is readable by the platform alone);"
                    + " publish the dataset, whose staging topic other zones then read");
        } else if (zone.dataset(name).isEmpty() && zone.entity(name).isEmpty()) {
            problems.add(at + "zone " + zone.zone() + " has no dataset or entity " + name);
        }
        for (String to : publication.to()) {
            if (!zones.containsKey(to)) {
                problems.add(at + "grants access to zone " + to + ", which is not among the descriptors " + zones.keySet());
            } else if (to.equals(zone.zone())) {
                problems.add(at + "a zone does not publish to itself");
            }
        }
    }

    private static boolean mentionsLanding(String name) {
        for (String part : name.split("\\.")) {
            if (part.equals(Stage.LANDING.id())) {
                return true;
            }
        }
        return false;
    }

    private static void checkUse(ZoneDescriptor zone, DatasetRef ref, String verb, Map<String, ZoneDescriptor> zones, List<String> problems) {
        ZoneDescriptor owner = zones.get(ref.zone());
        String at = where(zone) + verb + " " + ref + ": ";
        if (mentionsLanding(ref.dataset())) {
            problems.add(at + "landing data is never shared between zones");
        } else if (owner == null) {
            problems.add(at + "there is no zone " + ref.zone() + " among the descriptors " + zones.keySet());
        } else if (owner.dataset(ref.dataset()).isEmpty() && owner.entity(ref.dataset()).isEmpty()) {
            problems.add(at + "zone " + owner.zone() + " has no dataset or entity " + ref.dataset());
        } else if (!owner.publishesTo(ref.dataset(), zone.zone())) {
            problems.add(at + "zone " + owner.zone() + " does not publish " + ref.dataset() + " to " + zone.zone());
        }
    }

    private static String where(ZoneDescriptor zone) {
        return "zone " + zone.zone() + (zone.source() == null ? "" : " (" + zone.source() + ")") + " ";
    }

    private static String placeOf(Publication publication) {
        return publication.place() == null || publication.place().line() <= 0 ? "" : " (line " + publication.place().line() + ", " + publication.place().field() + ")";
    }
}
