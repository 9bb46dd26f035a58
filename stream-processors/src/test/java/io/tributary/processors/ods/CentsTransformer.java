package io.tributary.processors.ods;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.apache.avro.generic.GenericRecord;

import io.tributary.processors.ods.spi.RecordRejected;
import io.tributary.processors.ods.spi.RecordTransformer;
import io.tributary.processors.ods.spi.TransformContext;

/**
 * The example record transformer (see docs/ods.md): rounds {@code amount_eur} to cents, half to
 * even as accountants do (CEL has no decimal rounding), and refuses negative card amounts.
 */
public final class CentsTransformer implements RecordTransformer {
    @Override
    public String name() {
        return "cents";
    }

    @Override
    public GenericRecord transform(GenericRecord source, GenericRecord entity, TransformContext context) throws RecordRejected {
        double eur = (Double) entity.get("amount_eur");
        if (eur < 0) {
            throw new RecordRejected("amount_eur", "a " + context.dataset() + " amount cannot be negative: " + eur);
        }
        entity.put("amount_eur", BigDecimal.valueOf(eur).setScale(2, RoundingMode.HALF_EVEN).doubleValue());
        return entity;
    }
}
