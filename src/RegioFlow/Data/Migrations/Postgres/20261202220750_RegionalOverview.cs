using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace RegioFlow.Data.Migrations.Postgres
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
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CalendarTokenIssuedAt",
                table: "users",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "OrganisationId",
                table: "initiatives",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.AddColumn<string>(
                name: "Activity",
                table: "initiatives",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "AgeBand",
                table: "initiatives",
                type: "character varying(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Gemeenten",
                table: "initiatives",
                type: "character varying(16000)",
                maxLength: 16000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "RegisteredAt",
                table: "initiatives",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "initiatives",
                type: "character varying(16000)",
                maxLength: 16000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "SectorKeys",
                table: "initiatives",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "initiatives",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SourceKey",
                table: "initiatives",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "initiatives",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "TargetGroupKeys",
                table: "initiatives",
                type: "character varying(2000)",
                maxLength: 2000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "Type",
                table: "initiatives",
                type: "character varying(40)",
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
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
