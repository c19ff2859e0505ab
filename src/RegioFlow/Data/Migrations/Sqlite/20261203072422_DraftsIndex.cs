using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegioFlow.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DraftsIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_initiatives_RegionId_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_Status_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_Type_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Drafts_CreatedAt_Title",
                table: "initiatives",
                columns: new[] { "CreatedAt", "Title" },
                filter: "\"RegisteredAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_RegionId_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "RegionId", "RegisteredAt", "Title" },
                filter: "\"RegisteredAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "RegisteredAt", "Title" },
                filter: "\"RegisteredAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Status_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "Status", "RegisteredAt", "Title" },
                filter: "\"RegisteredAt\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Type_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "Type", "RegisteredAt", "Title" },
                filter: "\"RegisteredAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_initiatives_Drafts_CreatedAt_Title",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_RegionId_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_Status_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_Type_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_RegionId_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "RegionId", "RegisteredAt", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "RegisteredAt", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Status_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "Status", "RegisteredAt", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Type_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "Type", "RegisteredAt", "Title" });
        }
    }
}
