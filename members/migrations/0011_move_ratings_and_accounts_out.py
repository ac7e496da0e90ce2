"""The ratings moved to the ratings app, the user accounts' history to the office app.

The rows stay where they are: the tables are renamed to the new apps' names and only Django's
picture of the models moves (ratings/0001 and office/0001 take them up).
"""

from django.db import migrations

MOVED = {
    # model: its new table
    "ratingyear": "ratings_ratingyear",
    "memberrating": "ratings_memberrating",
    "cellrating": "ratings_cellrating",
    "historicalmemberrating": "ratings_historicalmemberrating",
    "historicalcellrating": "ratings_historicalcellrating",
    "historicaluser": "office_historicaluser",
}


class Migration(migrations.Migration):
    dependencies = [("members", "0010_user_history")]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name=model, table=table)
                for model, table in MOVED.items()
            ],
            state_operations=[
                # Children before the models they point to.
                migrations.DeleteModel(name="HistoricalMemberRating"),
                migrations.DeleteModel(name="HistoricalCellRating"),
                migrations.DeleteModel(name="MemberRating"),
                migrations.DeleteModel(name="CellRating"),
                migrations.DeleteModel(name="RatingYear"),
                migrations.DeleteModel(name="HistoricalUser"),
            ],
        ),
        migrations.AlterModelOptions(
            name="member",
            options={
                "ordering": ["name_sort", "id"],
                "permissions": [
                    ("import_members", "Nhập danh sách đảng viên từ tệp"),
                    ("export_members", "Xuất danh sách, sổ danh sách đảng viên"),
                ],
                "verbose_name": "Đảng viên",
                "verbose_name_plural": "Đảng viên",
            },
        ),
    ]
