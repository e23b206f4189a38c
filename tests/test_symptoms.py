"""The symptom explorer: filters return the right rows, selection explains, data is checked."""

from __future__ import annotations

import re

import pytest

from tests.snapshots import pictures, snapshot_body
from widgets.content import DataError, load_references
from widgets.diagram import load_parts
from widgets.symptoms import (
    SymptomExplorer,
    filter_symptoms,
    load_symptoms,
)


def ids(rows):
    return [s.id for s in rows]


def test_disease_filters_return_the_right_rows():
    symptoms, _ = load_symptoms()
    assert len(symptoms) >= 14
    ms = ids(filter_symptoms(symptoms, "ms"))
    als = ids(filter_symptoms(symptoms, "als"))
    both = ids(filter_symptoms(symptoms, "both"))
    assert {"numbness_tingling", "optic_neuritis", "fatigue", "bladder"} <= set(ms)
    assert {"fasciculations", "wasting", "swallowing", "breathing_failure"} <= set(als)
    assert both == [
        "fatigue",
        "weakness",
        "spasticity",
        "slurred_speech",
        "swallowing",
        "cognitive_change",
        "pain",
        "pseudobulbar_affect",
    ]
    assert "numbness_tingling" not in als  # sensation is spared in ALS
    assert "fasciculations" not in ms
    assert set(ms) & set(als) == set(both)
    assert ids(filter_symptoms(symptoms, "all")) == ids(symptoms)


def test_pathway_filter_combines_with_disease():
    symptoms, pathways = load_symptoms()
    assert ids(filter_symptoms(symptoms, "all", "bulbar")) == ["slurred_speech", "swallowing"]
    assert ids(filter_symptoms(symptoms, "als", "sensory")) == []
    assert ids(filter_symptoms(symptoms, "ms", "visual")) == ["optic_neuritis", "double_vision"]
    assert ids(filter_symptoms(symptoms, "both", "cognitive")) == [
        "cognitive_change",
        "pseudobulbar_affect",
    ]
    with pytest.raises(ValueError, match=r"pathway must be one of 'all', 'sensory'"):
        filter_symptoms(symptoms, "all", "smell", pathways)
    with pytest.raises(ValueError, match=r"disease must be one of 'all', 'ms', 'als', 'both'"):
        filter_symptoms(symptoms, "MS")


def test_controls_change_rows_summary_and_table():
    explorer = SymptomExplorer()
    assert len(explorer.rows) == len(load_symptoms()[0])
    explorer._disease_toggle.value = "als"  # a click in the browser
    explorer._pathway_menu.value = "motor"
    assert explorer.disease == "als" and explorer.pathway == "motor"
    assert explorer.rows == ["weakness", "wasting", "fasciculations", "cramps", "spasticity"]
    assert explorer.summary().startswith(
        f"Showing 5 of {len(load_symptoms()[0])} symptoms: symptoms seen in ALS, Motor pathway."
    )
    assert explorer._table.value.count("<tr data-symptom=") == 5
    assert 'class="msals-summary"' in explorer._status.value
    assert [o[1] for o in explorer._symptom_menu.options][1:] == explorer.rows


def test_choosing_a_symptom_explains_it_and_names_its_parts():
    explorer = SymptomExplorer(disease="both")
    explorer._symptom_menu.value = "spasticity"
    assert explorer.symptom == "spasticity"
    assert explorer.highlighted_parts() == {
        "ms": ("corticospinal_tract", "myelin_sheath"),
        "als": ("upper_motor_neurons", "corticospinal_tract"),
    }
    assert '<tr data-symptom="spasticity" aria-current="true">' in explorer._table.value
    assert "Damaged:</strong> Upper motor neurons (motor cortex), Corticospinal tract." in (
        explorer._detail.value
    )
    assert "(spasticity) in ALS: damaged Upper motor neurons" in explorer.summary()
    # Changing a filter that keeps the symptom keeps it chosen; one that hides it clears it.
    explorer.pathway = "motor"
    assert explorer.symptom == "spasticity"
    explorer.pathway = "visual"
    assert explorer.symptom is None and explorer.highlighted_parts() == {}
    assert "Choose a symptom" in explorer._detail.value


def test_bad_arguments_raise_with_allowed_values():
    with pytest.raises(ValueError, match=r"disease must be one of 'all', 'ms', 'als', 'both'"):
        SymptomExplorer(disease="alz")
    with pytest.raises(ValueError, match=r"symptom must be one of 'numbness_tingling'"):
        SymptomExplorer(symptom="headache")
    explorer = SymptomExplorer(pathway="bulbar")
    with pytest.raises(ValueError, match=r"pathway must be one of 'all', 'sensory'"):
        explorer.pathway = "smell"
    assert explorer.pathway == "bulbar"


def test_every_structure_is_an_explorer_part_and_every_symptom_sourced():
    symptoms, _ = load_symptoms()
    for symptom in symptoms:
        assert symptom.sources
        for disease in symptom.diseases:
            assert set(symptom.involvement(disease).structures) <= {
                part.id for part in load_parts()
            }


def test_static_html_and_css_classes():
    explorer = SymptomExplorer(disease="ms", symptom="optic_neuritis")
    bundle = explorer._repr_mimebundle_()
    assert bundle["text/plain"] == explorer.summary()
    assert snapshot_body(bundle["text/html"]) == explorer.static_html()
    assert "Optic nerve, Myelin sheath" in bundle["text/html"]
    assert load_references()["nice-ng220"].citation in bundle["text/html"]
    assert explorer._dom_classes == ("msals-widget", "msals-symptoms")


def test_unknown_structure_is_rejected(edit_data):
    edit_data("symptoms", lambda d: d["symptoms"][6]["als"]["structures"].append("spleen"))
    with pytest.raises(
        DataError,
        match=r"data/symptoms\.yaml: symptoms\[6\]\.als\.structures\[2\]: unknown id 'spleen'; "
        r"known ids: upper_motor_neurons",
    ):
        load_symptoms()


def test_unknown_pathway_and_missing_disease_are_rejected(edit_data):
    edit_data("symptoms", lambda d: d["symptoms"][0]["pathways"].append("smell"))
    with pytest.raises(DataError, match=r"symptoms\[0\]\.pathways\[1\]: unknown id 'smell'"):
        load_symptoms()
    edit_data("symptoms", lambda d: d["symptoms"][1].pop("ms"))
    with pytest.raises(DataError, match=r"data/symptoms\.yaml: symptoms\[1\]"):
        load_symptoms()


def test_choosing_a_symptom_highlights_its_structures_on_the_diagram():
    explorer = SymptomExplorer(disease="als", symptom="wasting")
    assert explorer.highlighted == {"lower_motor_neurons": "als", "peripheral_motor_nerve": "als"}
    svg = explorer._diagram.value
    damaged = dict(re.findall(r'data-part="([a-z_]+)"[^>]*data-damage="([a-z]+)"', svg))
    assert damaged == {"lower_motor_neurons": "als", "peripheral_motor_nerve": "als"}
    assert "Structures behind" in svg
    # The stored snapshot holds the same drawing, as an image that survives sanitising.
    (stored,) = pictures(explorer.static_html())
    assert stored in svg and stored.startswith("<svg")

    explorer.symptom = None
    assert explorer.highlighted == {} and explorer._diagram.value == ""


def test_a_symptom_of_both_diseases_marks_each_structure_by_disease():
    explorer = SymptomExplorer(symptom="cognitive_change")
    marks = explorer.highlighted
    assert set(marks.values()) <= {"ms", "als", "both"}
    expected = {}
    for disease, structures in explorer.highlighted_parts().items():
        for part in structures:
            expected[part] = "both" if part in expected else disease
    assert marks == expected


# --------------------------------------------------------------------------- issue 10 data


def by_id():
    return {s.id: s for s in load_symptoms()[0]}


def regions():
    from widgets.diagram import load_parts

    return {p.id: p.region for p in load_parts()}


def test_fatigue_and_pain_are_typical_of_als_too():
    symptoms = by_id()
    assert symptoms["fatigue"].als is not None and "half" in symptoms["fatigue"].als.frequency
    assert symptoms["pain"].als is not None and "later" in symptoms["pain"].als.frequency
    assert "lo-coco-2012" in symptoms["fatigue"].sources
    assert "chio-2017-pain" in symptoms["pain"].sources
    # "painless" only at onset
    assert "At the start the weakness" in symptoms["weakness"].als.why


def test_speech_and_swallowing_occur_in_ms():
    symptoms = by_id()
    for symptom in ("slurred_speech", "swallowing"):
        assert symptoms[symptom].ms is not None
        assert "brainstem_nuclei" in symptoms[symptom].ms.structures
    assert "guan-2015" in symptoms["swallowing"].sources


def test_als_thinking_change_maps_to_frontal_and_temporal_cortex():
    als = by_id()["cognitive_change"].als
    assert als.structures == ("frontal_temporal_cortex",)
    assert "neuron_cell_body" not in als.structures


def test_ms_bladder_problems_map_to_the_spinal_cord():
    ms = by_id()["bladder"].ms
    where = regions()
    assert ms.structures and {where[s] for s in ms.structures} == {"spinal_cord"}


def test_pseudobulbar_affect_is_linked_to_upper_motor_neuron_loss():
    symptom = by_id()["pseudobulbar_affect"]
    assert "upper_motor_neurons" in symptom.als.structures
    assert "upper motor neurons" in symptom.als.why.lower()
    # The corticobulbar model (Finegan 2019), and how often it comes in each disease.
    assert set(symptom.sources) == {
        "finegan-2019-pcl",
        "feinstein-1997",
        "ghaffar-2008",
        "tortelli-2016",
    }


def test_every_structure_of_every_symptom_is_a_drawn_part():
    where = regions()
    for symptom in load_symptoms()[0]:
        for disease in (symptom.ms, symptom.als):
            if disease is not None:
                assert set(disease.structures) <= set(where), symptom.id
