"""File import: the shipped sample, idempotence, updates, bad records, formats (both databases)."""

import json

import yaml
from sqlalchemy import func, select

from bot.directory.models import (
    CHILD_MODELS,
    OpeningHours,
    ProviderLimit,
    ProviderLocation,
    PtvService,
)
from bot.ingest.classify import CURATED_FILE, SAMPLE_CURATED_FILE, load_curation
from bot.ingest.generate import channel_json, weekly_hours
from bot.ingest.importer import ProviderImporter
from bot.ingest.shipped import SAMPLE_FILES
from tests.providers.conftest import row_counts, snapshot
from tests.providers.ptv_data import (
    HAILUOTO,
    HELSINKI,
    LIBRARY_SERVICE,
    OULU,
    SERVICES,
    SWIM_SERVICE,
    channel_id,
    location,
    write_page,
)


def providers(engine):
    with engine.connect() as connection:
        return {
            row.source_id: row for row in connection.execute(select(ProviderLocation.__table__))
        }


def test_sample_imports_marked_as_sample(sample_engine):
    rows = providers(sample_engine)
    sample = [row for row in rows.values() if row.source == "sample"]
    national = [row for row in rows.values() if row.source == "curated"]
    assert len(sample) == 32 and len(national) == 3
    assert all(row.is_sample and row.name_fi.startswith("ESIMERKKI:") for row in sample)
    assert not any(row.is_sample for row in national)
    assert not any("uimahalli" in row.name_fi for row in rows.values())  # not digital support
    codes = {row.municipality_code for row in sample}
    assert {"091", "092", "564", "072", "398", "837", "698", "297", "853", "148"} <= codes
    assert {row.channel_type for row in sample} == {"ServiceLocation", "Phone", "EChannel"}


def test_sample_has_no_real_looking_contacts(sample_engine):
    from bot.directory.models import Contact

    with sample_engine.connect() as connection:
        contacts = connection.execute(
            select(Contact.kind, Contact.value, ProviderLocation.is_sample).join(
                ProviderLocation, ProviderLocation.id == Contact.provider_id
            )
        ).all()
    for kind, value, is_sample in contacts:
        if is_sample and kind == "phone":
            assert "esimerkki" in value
        if is_sample and kind in ("web", "email"):
            assert ".invalid" in value


def test_sample_coordinates_are_converted_to_wgs84(sample_engine):
    rows = providers(sample_engine)
    hailuoto = next(r for r in rows.values() if r.name_fi.startswith("ESIMERKKI: Hailuodon"))
    assert abs(hailuoto.latitude - HAILUOTO[2]) < 0.01
    assert abs(hailuoto.longitude - HAILUOTO[3]) < 0.01
    assert hailuoto.coordinates_approximate is False


def test_reimport_changes_nothing(importer, engine):
    importer.import_sample()
    before = snapshot(engine)
    report = importer.import_sample()
    assert (report.created, report.updated, report.deleted) == (0, 0, 0)
    assert report.unchanged == 32
    assert snapshot(engine) == before


def test_changed_record_is_updated_and_its_children_replaced(importer, engine, tmp_path):
    first = location("a", OULU, service=LIBRARY_SERVICE)
    other = location("b", OULU, offset=(0.01, 0.0))
    importer.import_file(write_page(tmp_path / "s.json", SERVICES))
    importer.import_file(write_page(tmp_path / "v1.json", [first, other]))
    untouched = [r for r in snapshot(engine)["provider_location"] if channel_id("b") in str(r)]

    changed = dict(first)
    changed["serviceChannelNames"] = [{"language": "fi", "value": "Uusi nimi", "type": "Name"}]
    changed["serviceHours"] = [weekly_hours([("Tuesday", None, "10:00", "14:00")])]
    report = importer.import_file(write_page(tmp_path / "v2.json", [changed, other]))

    assert (report.created, report.updated, report.unchanged) == (0, 1, 1)
    rows = providers(engine)
    assert rows[channel_id("a")].name_fi == "Uusi nimi"
    with engine.connect() as connection:
        hours = connection.execute(
            select(OpeningHours.kind, OpeningHours.day_from, OpeningHours.opens_minute).where(
                OpeningHours.provider_id == rows[channel_id("a")].id
            )
        ).all()
    assert hours == [("weekly", 1, 600)]  # the old weekly rule and the holiday are gone
    assert [r for r in snapshot(engine)["provider_location"] if channel_id("b") in str(r)] == (
        untouched
    )


def test_malformed_records_are_reported_and_nothing_of_them_is_written(importer, engine, tmp_path):
    good = [location("good1", OULU), location("good2", HELSINKI)]
    bad_latitude = location("bad-lat", OULU)
    bad_latitude["addresses"][0]["streetAddress"]["latitude"] = "seitsemän"
    no_name = location("no-name", OULU)
    no_name["serviceChannelNames"] = []
    bad_day = location("bad-day", OULU, hours=[weekly_hours([("Funday", None, "9:00", "10:00")])])
    swapped = location("swapped", OULU)
    street = swapped["addresses"][0]["streetAddress"]
    street["latitude"], street["longitude"] = street["longitude"], street["latitude"]
    bad_id = location("bad-id", OULU)
    bad_id["id"] = "not-a-guid"
    bad_postal = location("bad-postal", OULU, postal_code="9010")
    items = [good[0], bad_latitude, no_name, bad_day, swapped, bad_id, bad_postal, "oops", good[1]]

    report = importer.import_file(write_page(tmp_path / "mixed.json", items))

    reasons = {issue.record_id: issue.reason for issue in report.errors}
    assert "not a number" in reasons[channel_id("bad-lat")]
    assert "no name" in reasons[channel_id("no-name")]
    assert "weekday" in reasons[channel_id("bad-day")]
    assert "not in Finland" in reasons[channel_id("swapped")]
    assert "GUID" in reasons["not-a-guid"]
    assert "postal code" in reasons[channel_id("bad-postal")]
    assert len(report.errors) == 7 and report.created == 2
    assert set(providers(engine)) == {channel_id("good1"), channel_id("good2")}
    with engine.connect() as connection:
        ids = set(connection.scalars(select(ProviderLocation.id)))
        for model in CHILD_MODELS:
            owners = set(connection.scalars(select(model.provider_id)))
            assert owners <= ids, f"orphan {model.__tablename__} rows"


def test_a_record_the_database_rejects_is_rolled_back_alone(engine, tmp_path):
    """Duplicate limit keys pass validation but break a UNIQUE constraint at write time."""
    victim = channel_id("dup-limits")
    curated = tmp_path / "curated.yml"
    curated.write_text(
        yaml.safe_dump(
            {
                "channels": {
                    victim: {
                        "limits": [
                            {"key": "act_on_behalf", "direction": "does_less", "note": "a"},
                            {"key": "act_on_behalf", "direction": "does_more", "note": "b"},
                        ]
                    }
                }
            }
        ),
        encoding="utf-8",
    )
    importer = ProviderImporter(
        engine, progress=False, curation=load_curation([CURATED_FILE, curated])
    )
    items = [location("ok1", OULU), location("dup-limits", OULU), location("ok2", HELSINKI)]
    report = importer.import_file(write_page(tmp_path / "batch.json", items))

    assert [issue.record_id for issue in report.errors] == [victim]
    assert "database rejected" in report.errors[0].reason
    assert report.created == 2
    assert set(providers(engine)) == {channel_id("ok1"), channel_id("ok2")}
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(ProviderLimit)) == 0


def test_page_list_and_jsonl_files_give_the_same_rows(engine, tmp_path):
    items = [location("x", OULU), location("y", HELSINKI), location("z", HAILUOTO)]
    page = write_page(tmp_path / "page.json", items)
    listing = tmp_path / "list.json"
    listing.write_text(json.dumps(items), encoding="utf-8")
    lines = tmp_path / "lines.jsonl"
    lines.write_text(
        "\n".join(json.dumps(item) for item in items) + "\n{broken json\n\n", encoding="utf-8"
    )
    results = []
    for path in (page, listing, lines):
        importer = ProviderImporter(engine, progress=False)
        report = importer.import_file(path)
        results.append((report.created + report.unchanged, len(providers(engine))))
        if path is lines:
            assert [issue.record_id for issue in report.errors] == ["lines.jsonl:4"]
    assert results == [(3, 3), (3, 3), (3, 3)]


def test_small_batches_import_everything(engine, tmp_path):
    items = [location(f"n{i}", OULU, offset=(0.001 * i, 0)) for i in range(7)]
    path = write_page(tmp_path / "p.json", items)
    report = ProviderImporter(engine, progress=False, batch_size=2).import_file(path)
    assert report.created == 7
    counts = row_counts(engine)
    again = ProviderImporter(engine, progress=False, batch_size=3).import_file(path)
    assert again.unchanged == 7 and row_counts(engine) == counts


def test_duplicate_in_input_keeps_the_later_copy(importer, engine, tmp_path):
    first = location("dup", OULU)
    later = location("dup", OULU, label="Testikirjasto myöhempi")
    report = importer.import_file(write_page(tmp_path / "d.json", [first, later]))
    assert report.duplicates == 1 and report.created == 1
    assert providers(engine)[channel_id("dup")].name_fi == "Testikirjasto myöhempi"


def test_recognised_by_service_class_only_when_the_service_is_known(importer, engine, tmp_path):
    neutral = location("neutral", OULU, service=LIBRARY_SERVICE, label="Kulttuuritalo Testi")
    unknown = importer.import_file(write_page(tmp_path / "c.json", [neutral]))
    assert unknown.not_support == 1 and not providers(engine)

    report = importer.import_file(write_page(tmp_path / "both.json", [*SERVICES, neutral]))
    assert report.services == 3 and report.created == 1
    with engine.connect() as connection:
        assert connection.scalar(select(func.count()).select_from(PtvService)) == 3


def test_channel_that_stops_being_support_is_removed(importer, engine, tmp_path):
    importer.import_file(write_page(tmp_path / "s.json", SERVICES))
    neutral = location("gym", OULU, service=LIBRARY_SERVICE, label="Kulttuuritalo Testi")
    importer.import_file(write_page(tmp_path / "v1.json", [neutral]))
    assert channel_id("gym") in providers(engine)
    neutral["services"] = [{"service": {"id": SWIM_SERVICE, "name": "Uimahalli"}}]
    report = importer.import_file(write_page(tmp_path / "v2.json", [neutral]))
    assert report.deleted == 1 and not providers(engine)
    assert row_counts(engine)["opening_hours"] == 0


def test_unpublished_channel_is_deleted(importer, engine, tmp_path):
    channel = location("gone", OULU)
    importer.import_file(write_page(tmp_path / "v1.json", [channel]))
    channel["publishingStatus"] = "Deleted"
    report = importer.import_file(write_page(tmp_path / "v2.json", [channel]))
    assert report.deleted == 1 and not providers(engine)


def test_location_without_coordinates_gets_the_municipality_centre(importer, engine, tmp_path):
    channel = channel_json(
        channel_id=channel_id("nopoint"),
        channel_type="ServiceLocation",
        name_fi="Hailuodon asiointipiste (testi)",
        municipality=("072", "Hailuoto"),
        street="Testitie",
        postal_code="90480",
    )
    importer.import_file(write_page(tmp_path / "n.json", [channel]))
    row = providers(engine)[channel_id("nopoint")]
    assert row.coordinates_approximate is True
    assert (round(row.latitude, 4), round(row.longitude, 4)) == (65.0086, 24.7111)


def test_national_channels_reload_deletes_removed_entries(importer, engine, tmp_path):
    importer.import_national_channels()
    assert sum(1 for r in providers(engine).values() if r.source == "curated") == 3
    data = yaml.safe_load(
        (CURATED_FILE.parent / "national_channels.yml").read_text(encoding="utf-8")
    )
    data["channels"] = data["channels"][:1]
    smaller = tmp_path / "national.yml"
    smaller.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    report = importer.import_national_channels(smaller)
    assert report.deleted == 2 and report.unchanged == 1


def test_sample_files_and_curation_ship():
    assert all(path.exists() for path in SAMPLE_FILES)
    assert SAMPLE_CURATED_FILE.exists()
    channels = json.loads(SAMPLE_FILES[1].read_text(encoding="utf-8"))["itemList"]
    assert 30 <= len(channels) <= 40
    assert all(c["serviceChannelNames"][0]["value"].startswith("ESIMERKKI:") for c in channels)
