-- One database per service: each service owns its data and reaches the others only through Kafka.
CREATE DATABASE reports;
CREATE DATABASE investigations;
CREATE DATABASE evidence;
CREATE DATABASE integrity;
