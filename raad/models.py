"""Council-facing models (zienswijzen, evaluaties) arrive with the calendar issue."""
