package io.tributary.catalog.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import io.tributary.catalog.Schemas;
import io.tributary.catalog.table.LakeLayout;
import io.tributary.catalog.table.PartitionProjection;
import io.tributary.catalog.table.PartitionScheme;
import io.tributary.catalog.table.TableDefinition;
import io.tributary.catalog.table.TableModels;
import io.tributary.model.TopicName;

class DdlTest {
    private final TableDefinition expenses = new TableModels(LakeLayout.LOCAL, new PartitionProjection(LocalDate.of(2024, 1, 1)))
            .table(TopicName.parse("finance.staging.expenses"), Schemas.expenses(), PartitionScheme.DAILY);

    @Test
    void athenaDdlIsAnExternalParquetTableWithPartitionProjection() {
        assertThat(AthenaDdl.createDatabase("finance_staging")).isEqualTo("CREATE DATABASE IF NOT EXISTS `finance_staging`");
        assertThat(AthenaDdl.createTable(expenses)).isEqualTo("""
                CREATE EXTERNAL TABLE IF NOT EXISTS `finance_staging`.`expenses` (
                  `expense_id` string COMMENT 'Claim number, unique across the company',
                  `employee_id` string,
                  `department` string,
                  `amount` decimal(12,2) COMMENT 'Claimed amount in the claim\\'s currency',
                  `currency` string COMMENT 'ISO 4217 code',
                  `category` string,
                  `submitted_at` timestamp,
                  `description` string
                )
                COMMENT 'An expense claim submitted by an employee.'
                PARTITIONED BY (
                  `dt` string
                )
                STORED AS PARQUET
                LOCATION 's3://lake/staging/finance/expenses/'
                TBLPROPERTIES (
                  'classification'='parquet',
                  'projection.enabled'='true',
                  'projection.dt.type'='date',
                  'projection.dt.format'='yyyy-MM-dd',
                  'projection.dt.range'='2024-01-01,NOW',
                  'projection.dt.interval'='1',
                  'projection.dt.interval.unit'='DAYS',
                  'storage.location.template'='s3://lake/staging/finance/expenses/dt=${dt}'
                )""");
    }

    @Test
    void trinoDdlIsCreateTableWithExternalLocationFormatAndPartitionedBy() {
        assertThat(TrinoDdl.createTable(expenses, false)).isEqualTo("""
                CREATE TABLE IF NOT EXISTS "finance_staging"."expenses" (
                  "expense_id" varchar COMMENT 'Claim number, unique across the company',
                  "employee_id" varchar,
                  "department" varchar,
                  "amount" decimal(12,2) COMMENT 'Claimed amount in the claim''s currency',
                  "currency" varchar COMMENT 'ISO 4217 code',
                  "category" varchar,
                  "submitted_at" timestamp(3),
                  "description" varchar,
                  "dt" varchar
                )
                COMMENT 'An expense claim submitted by an employee.'
                WITH (
                  external_location = 's3://lake/staging/finance/expenses/',
                  format = 'PARQUET',
                  partitioned_by = ARRAY['dt']
                )""");
    }

    @Test
    void trinoDdlCanCarryTheSameProjectionAsAthena() {
        String ddl = TrinoDdl.createTable(expenses, true);
        assertThat(ddl).contains("\"dt\" varchar WITH (partition_projection_type = 'date', partition_projection_format = 'yyyy-MM-dd',"
                + " partition_projection_range = ARRAY['2024-01-01', 'NOW'], partition_projection_interval = 1,"
                + " partition_projection_interval_unit = 'DAYS')");
        assertThat(ddl).contains("partition_projection_enabled = true",
                "partition_projection_location_template = 's3://lake/staging/finance/expenses/dt=${dt}'");
        assertThat(TrinoDdl.syncPartitions(expenses)).isEqualTo(
                "CALL system.sync_partition_metadata(schema_name => 'finance_staging', table_name => 'expenses', mode => 'FULL')");
    }
}
