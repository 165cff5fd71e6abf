"""Encounter Coach: local, explainable quality coaching for contact-centre interactions."""

__version__ = "0.1.0"
