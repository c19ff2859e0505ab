using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegioFlow.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_initiatives_RegionId",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_Status",
                table: "initiatives");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_RegionId_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "RegionId", "RegisteredAt", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Status_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "Status", "RegisteredAt", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Type_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "Type", "RegisteredAt", "Title" });

            // The register search index: an FTS5 table with the trigram tokenizer answers LIKE '%...%' on its columns
            // from the index (RegisterFilter.Apply). It keeps its own copy of the search keys, in step with the
            // initiatives through the triggers below. Rows are found by the indexed Id (LIKE without wildcards is an
            // exact, index-answered match on a GUID), because an initiative's rowid may change on VACUUM.
            migrationBuilder.Sql(
                """
                CREATE VIRTUAL TABLE initiative_search USING fts5("Id", "SearchText", "SectorKeys", "TargetGroupKeys", tokenize = 'trigram');
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER initiatives_search_insert AFTER INSERT ON initiatives BEGIN
                    INSERT INTO initiative_search("Id", "SearchText", "SectorKeys", "TargetGroupKeys")
                    VALUES (new."Id", new."SearchText", new."SectorKeys", new."TargetGroupKeys");
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER initiatives_search_update AFTER UPDATE OF "SearchText", "SectorKeys", "TargetGroupKeys" ON initiatives
                WHEN old."SearchText" IS NOT new."SearchText" OR old."SectorKeys" IS NOT new."SectorKeys" OR old."TargetGroupKeys" IS NOT new."TargetGroupKeys"
                BEGIN
                    UPDATE initiative_search SET "SearchText" = new."SearchText", "SectorKeys" = new."SectorKeys", "TargetGroupKeys" = new."TargetGroupKeys"
                    WHERE "Id" LIKE old."Id";
                END;
                """);
            migrationBuilder.Sql(
                """
                CREATE TRIGGER initiatives_search_delete AFTER DELETE ON initiatives BEGIN
                    DELETE FROM initiative_search WHERE "Id" LIKE old."Id";
                END;
                """);
            migrationBuilder.Sql(
                """
                INSERT INTO initiative_search("Id", "SearchText", "SectorKeys", "TargetGroupKeys")
                SELECT "Id", "SearchText", "SectorKeys", "TargetGroupKeys" FROM initiatives;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER initiatives_search_delete;");
            migrationBuilder.Sql("DROP TRIGGER initiatives_search_update;");
            migrationBuilder.Sql("DROP TRIGGER initiatives_search_insert;");
            migrationBuilder.Sql("DROP TABLE initiative_search;");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_RegionId_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_Status_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_Type_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_RegionId",
                table: "initiatives",
                column: "RegionId");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Status",
                table: "initiatives",
                column: "Status");
        }
    }
}
