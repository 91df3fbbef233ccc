"""The drawings: the body model and its poses (figure), the physics checks of the pose data
(physics), the exercise figures as SVG (drawing), the anatomical body map (bodymap) and the
contact sheet of every figure (contactsheet)."""
