"""The Qt user interface. Widgets call services; services never see Qt."""
