-- Records how far a kind of data goes (see data_through).
INSERT INTO data_through (kind, first, last, version)
SELECT @kind, @first, @last, @version
