"""Generators of random test programs (C# source) for the differential tests."""
