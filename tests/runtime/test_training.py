"""The model cache key: it must change exactly when an input changes."""

from bot.runtime.training import MODEL_LIBRARIES, inputs_hash, library_versions, model_inputs


def test_hash_is_stable_and_content_sensitive(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "nlu.yml").write_text("nlu: []\n")
    (data / "notes.bin").write_bytes(b"\x00ignored")
    first = inputs_hash([data], root=tmp_path)
    assert inputs_hash([data], root=tmp_path) == first
    (data / "notes.bin").write_bytes(b"\x01still ignored")
    assert inputs_hash([data], root=tmp_path) == first
    (data / "nlu.yml").write_text("nlu: [changed]\n")
    assert inputs_hash([data], root=tmp_path) != first


def test_renaming_a_file_changes_the_hash(tmp_path):
    (tmp_path / "a.yml").write_text("same")
    before = inputs_hash([tmp_path], root=tmp_path)
    (tmp_path / "a.yml").rename(tmp_path / "b.yml")
    assert inputs_hash([tmp_path], root=tmp_path) != before


def test_the_model_depends_on_config_domain_data_and_pipeline_code():
    names = {path.name for path in model_inputs()}
    assert {"config.yml", "domain", "nlu", "stories", "rules", "findings.py"} <= names
    # A test-only or server-only dependency must not cost a retraining.
    assert "constraints.txt" not in names


def test_the_model_depends_on_the_versions_of_the_libraries_that_train_it(tmp_path):
    (tmp_path / "a.yml").write_text("same")
    versions = library_versions()
    assert [line.split("==")[0] for line in versions.splitlines()] == list(MODEL_LIBRARIES)
    assert "absent" not in versions  # every library named here is one the model is trained with
    before = inputs_hash([tmp_path], root=tmp_path, libraries=versions)
    bumped = versions.replace("tensorflow==", "tensorflow==9")
    assert inputs_hash([tmp_path], root=tmp_path, libraries=bumped) != before


def test_the_cache_keeps_the_most_recently_used_models(tmp_path, monkeypatch):
    import os

    from bot.runtime import training

    monkeypatch.setenv("DIGITUKI_CACHE_DIR", str(tmp_path))
    source = tmp_path / "trained.tar.gz"
    source.write_bytes(b"model")
    for age, name in enumerate(["newest", "middle", "oldest"]):
        stored = training.store_in_cache(source, name)
        os.utime(stored, (1_000_000 - age, 1_000_000 - age))
    assert training.reuse_cached("oldest") is not None  # now the most recently used
    deleted = training.prune_cache(keep=2)
    assert [path.name for path in deleted] == ["middle.tar.gz"]
    assert training.reuse_cached("middle") is None
    assert {path.name for path in training.cache_dir().glob("*.tar.gz")} == {
        "oldest.tar.gz",
        "newest.tar.gz",
    }


def test_a_second_trainer_waits_for_the_first_and_then_reuses_its_model(tmp_path, monkeypatch):
    """Two processes asking for the same untrained model train it once, not twice."""
    import multiprocessing
    import time

    from bot.runtime import training

    monkeypatch.setenv("DIGITUKI_CACHE_DIR", str(tmp_path))
    started = multiprocessing.get_context("fork").Event()

    def hold_the_lock() -> None:
        with training.training_lock("digituki-x"):
            started.set()
            time.sleep(1.0)
            (training.cache_dir() / "digituki-x.tar.gz").write_bytes(b"model")

    holder = multiprocessing.get_context("fork").Process(target=hold_the_lock)
    holder.start()
    assert started.wait(10)
    with training.training_lock("digituki-x"):
        # Only after the holder let go: its model is there to reuse.
        assert training.reuse_cached("digituki-x") is not None
    holder.join(10)
    assert holder.exitcode == 0
