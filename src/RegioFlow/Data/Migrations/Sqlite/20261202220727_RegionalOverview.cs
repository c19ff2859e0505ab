using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegioFlow.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RegionalOverview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CalendarTokenHash",
                table: "users",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "CalendarTokenIssuedAt",
                table: "users",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "OrganisationId",
                table: "initiatives",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.AddColumn<string>(
                name: "Activity",
                table: "initiatives",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AgeBand",
                table: "initiatives",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gemeenten",
                table: "initiatives",
                type: "TEXT",
                maxLength: 16000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "RegisteredAt",
                table: "initiatives",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "initiatives",
                type: "TEXT",
                maxLength: 16000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SectorKeys",
                table: "initiatives",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "initiatives",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "initiatives",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "initiatives",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TargetGroupKeys",
                table: "initiatives",
                type: "TEXT",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "initiatives",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_users_CalendarTokenHash",
                table: "users",
                column: "CalendarTokenHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_RegisteredAt_Title",
                table: "initiatives",
                columns: new[] { "RegisteredAt", "Title" });

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Source_SourceKey",
                table: "initiatives",
                columns: new[] { "Source", "SourceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_initiatives_Status",
                table: "initiatives",
                column: "Status");

            // Initiatives behind a submitted application were already seen by the region: they enter the register as of the submission.
            migrationBuilder.Sql("UPDATE initiatives SET \"RegisteredAt\" = (SELECT MIN(a.\"SubmittedAt\") FROM funding_applications a WHERE a.\"InitiativeId\" = initiatives.\"Id\")");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_users_CalendarTokenHash",
                table: "users");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_RegisteredAt_Title",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_Source_SourceKey",
                table: "initiatives");

            migrationBuilder.DropIndex(
                name: "IX_initiatives_Status",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "CalendarTokenHash",
                table: "users");

            migrationBuilder.DropColumn(
                name: "CalendarTokenIssuedAt",
                table: "users");

            migrationBuilder.DropColumn(
                name: "Activity",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "AgeBand",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "Gemeenten",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "RegisteredAt",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "SectorKeys",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "Source",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "SourceKey",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "TargetGroupKeys",
                table: "initiatives");

            migrationBuilder.DropColumn(
                name: "Type",
                table: "initiatives");

            migrationBuilder.AlterColumn<Guid>(
                name: "OrganisationId",
                table: "initiatives",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
