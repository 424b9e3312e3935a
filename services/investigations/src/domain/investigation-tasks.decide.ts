import { CompleteParketTask, CompleteTask, CreateTask, DistributeParketTask, ReceiveParketTask } from './investigation.commands';
import { InvalidInvestigationCommand, InvestigationConflict, InvestigationNotFound } from './investigation.errors';
import { ParketTaskCompleted, ParketTaskDistributed, ParketTaskReceived, TaskCompleted, TaskCreated } from './investigation.events';
import { open, parketTask, recorded, requireDate, requireText, validAuthorityRef } from './investigation.guards';
import { InvestigationState } from './investigation.state';
import { isBlank, zoneDayOf } from './investigations.decide';

// Tasks: the team's own, and the parket's tasks handed down to it.

export function decideCreateTask(state: InvestigationState, { data, metadata }: CreateTask): [TaskCreated] {
  const investigation = open(state);
  requireText(data, ['taskId', 'title', 'assignee']);
  requireDate(data.dueDate, 'dueDate');
  if (investigation.tasks[data.taskId] !== undefined)
    throw new InvestigationConflict('task_id_in_use', `Task ${data.taskId} already exists`);
  const { taskId, title, assignee, dueDate } = data;
  return [{ type: 'TaskCreated', data: { ...recorded(investigation, metadata), taskId, title, assignee, dueDate } }];
}

export function decideCompleteTask(state: InvestigationState, { data, metadata }: CompleteTask): [TaskCompleted] {
  const investigation = open(state);
  const task = investigation.tasks[data.taskId];
  if (!task) throw new InvestigationNotFound('task_not_found', `No task ${data.taskId} on this investigation`);
  if (task.status === 'done') throw new InvestigationConflict('task_already_done', `Task ${task.taskId} is already done`);
  return [
    {
      type: 'TaskCompleted',
      data: {
        ...recorded(investigation, metadata),
        taskId: task.taskId,
        assignee: task.assignee,
        dueDate: task.dueDate,
        late: zoneDayOf(metadata.now) > task.dueDate,
      },
    },
  ];
}

export function decideReceiveParketTask(state: InvestigationState, { data, metadata }: ReceiveParketTask): [ParketTaskReceived] {
  const investigation = open(state);
  requireText(data, ['parketTaskId', 'description']);
  const from = validAuthorityRef(data.from, 'from');
  requireDate(data.deadline, 'deadline');
  if (investigation.parketTasks[data.parketTaskId] !== undefined) {
    throw new InvestigationConflict('parket_task_id_in_use', `Parket task ${data.parketTaskId} was already received`);
  }
  return [
    {
      type: 'ParketTaskReceived',
      data: {
        ...recorded(investigation, metadata),
        parketTaskId: data.parketTaskId,
        from,
        description: data.description,
        deadline: data.deadline,
      },
    },
  ];
}

export function decideDistributeParketTask(state: InvestigationState, { data, metadata }: DistributeParketTask): [ParketTaskDistributed] {
  const investigation = open(state);
  const task = parketTask(investigation, data.parketTaskId);
  requireText(data, ['assignee']);
  if (data.team !== undefined && isBlank(data.team)) throw new InvalidInvestigationCommand('required', 'The team may not be blank', 'team');
  return [
    {
      type: 'ParketTaskDistributed',
      data: {
        ...recorded(investigation, metadata),
        parketTaskId: task.parketTaskId,
        assignee: data.assignee,
        ...(data.team !== undefined && { team: data.team }),
        ...(task.assignee !== null && { previousAssignee: task.assignee }),
      },
    },
  ];
}

export function decideCompleteParketTask(state: InvestigationState, { data, metadata }: CompleteParketTask): [ParketTaskCompleted] {
  const investigation = open(state);
  const task = parketTask(investigation, data.parketTaskId);
  requireText(data, ['result']);
  return [
    {
      type: 'ParketTaskCompleted',
      data: {
        ...recorded(investigation, metadata),
        parketTaskId: task.parketTaskId,
        from: task.from,
        result: data.result,
        deadline: task.deadline,
        late: zoneDayOf(metadata.now) > task.deadline,
      },
    },
  ];
}
