// lint-as: services/evidence/src/domain/bad.decide.ts
// expect: no-restricted-imports x4
import { Injectable } from '@nestjs/common';
import { Repository } from 'typeorm';
import { Kafka } from 'kafkajs';
import { IsString } from 'class-validator';

export const leaks = [Injectable, Repository, Kafka, IsString];
