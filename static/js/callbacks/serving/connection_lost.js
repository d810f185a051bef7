// The visitor's session lost its server (components/serving/visitor.py): the shared page says so.
window.softmaxLab?.connectionLost();
