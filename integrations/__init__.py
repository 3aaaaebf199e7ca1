"""Adapters that connect CueMap's core to the surfaces clinicians use."""
