using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegioFlow.Data.Migrations.Postgres
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

            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:pg_trgm", ",,");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_RegionId_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "RegionId", "RegisteredAt", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_SearchText",
                table: "initiatives",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_SectorKeys",
                table: "initiatives",
                column: "SectorKeys")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Status_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "Status", "RegisteredAt", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_TargetGroupKeys",
                table: "initiatives",
                column: "TargetGroupKeys")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Type_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "Type", "RegisteredAt", "Title" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_initiatives_RegionId_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_SearchText",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_SectorKeys",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_Status_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_TargetGroupKeys",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_Type_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.AlterDatabase()
                .OldAnnotation("Npgsql:PostgresExtension:pg_trgm", ",,");

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
