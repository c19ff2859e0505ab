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
            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Drafts_CreatedAt_Title",
                table: "initiatives",
                columns: new[] { "CreatedAt", "Title" },
                filter: "\"RegisteredAt\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_initiatives_Drafts_CreatedAt_Title",
                table: "initiatives");
        }
    }
}
