import {
  decideCompleteParketTask,
  decideCompleteTask,
  decideCreateTask,
  decideDistributeParketTask,
  decideReceiveParketTask,
} from './investigation.decide';
import { ParketTaskDistributed, ParketTaskReceived, TaskCreated } from './investigation.events';
import { at, COLLEAGUE, DETECTIVE, GAK, investigation, opened, recorded } from './investigation.fixtures.spec';

const KANTSCHRIFT = { authority: 'procureur_des_konings' as const, reference: 'KS-2025-7781' };
const created: TaskCreated = {
  type: 'TaskCreated',
  data: {
    ...recorded(DETECTIVE, '2025-03-16T09:00:00.000Z'),
    taskId: 't-1',
    title: 'Buurtonderzoek Voorbeeldstraat',
    assignee: COLLEAGUE.staffId,
    dueDate: '2025-03-20',
  },
};
const received: ParketTaskReceived = {
  type: 'ParketTaskReceived',
  data: {
    ...recorded(GAK, '2025-03-16T09:00:00.000Z'),
    parketTaskId: 'pt-1',
    from: KANTSCHRIFT,
    description: 'Verhoor benadeelde over schade',
    deadline: '2025-04-15',
  },
};
const distributed: ParketTaskDistributed = {
  type: 'ParketTaskDistributed',
  data: {
    ...recorded(GAK, '2025-03-16T10:00:00.000Z'),
    parketTaskId: 'pt-1',
    assignee: DETECTIVE.staffId,
    team: 'Interventie Gerechtelijk team',
  },
};

describe('tasks', () => {
  it('creates a task with due date and assignee', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideCreateTask(s, {
          type: 'CreateTask',
          data: { taskId: 't-1', title: 'Buurtonderzoek Voorbeeldstraat', assignee: COLLEAGUE.staffId, dueDate: '2025-03-20' },
          metadata: at(DETECTIVE, '2025-03-16T09:00:00Z'),
        }),
      )
      .then([created]);
  });

  it('refuses a due date that is not a date', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideCreateTask(s, {
          type: 'CreateTask',
          data: { taskId: 't-1', title: 'x', assignee: COLLEAGUE.staffId, dueDate: '2025-02-30' },
          metadata: at(DETECTIVE, '2025-03-16T09:00:00Z'),
        }),
      )
      .thenThrows({ code: 'invalid_date', status: 422, field: 'dueDate' });
  });

  it('completes a task, late after its due date', () => {
    investigation
      .given(opened, created)
      .when((s) =>
        decideCompleteTask(s, { type: 'CompleteTask', data: { taskId: 't-1' }, metadata: at(COLLEAGUE, '2025-03-21T08:00:00Z') }),
      )
      .then([
        {
          type: 'TaskCompleted',
          data: {
            ...recorded(COLLEAGUE, '2025-03-21T08:00:00.000Z'),
            taskId: 't-1',
            assignee: COLLEAGUE.staffId,
            dueDate: '2025-03-20',
            late: true,
          },
        },
      ]);
  });

  it('refuses to complete a task twice', () => {
    investigation
      .given(opened, created, {
        type: 'TaskCompleted',
        data: {
          ...recorded(COLLEAGUE, '2025-03-19T08:00:00.000Z'),
          taskId: 't-1',
          assignee: COLLEAGUE.staffId,
          dueDate: '2025-03-20',
          late: false,
        },
      })
      .when((s) =>
        decideCompleteTask(s, { type: 'CompleteTask', data: { taskId: 't-1' }, metadata: at(COLLEAGUE, '2025-03-21T08:00:00Z') }),
      )
      .thenThrows({ code: 'task_already_done', status: 409 });
  });
});

describe('parket tasks (F3)', () => {
  it('receives a kantschrift with its deadline', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideReceiveParketTask(s, {
          type: 'ReceiveParketTask',
          data: { parketTaskId: 'pt-1', from: KANTSCHRIFT, description: 'Verhoor benadeelde over schade', deadline: '2025-04-15' },
          metadata: at(GAK, '2025-03-16T09:00:00Z'),
        }),
      )
      .then([received]);
  });

  it('refuses a parket task without the parket reference', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideReceiveParketTask(s, {
          type: 'ReceiveParketTask',
          data: {
            parketTaskId: 'pt-1',
            from: { authority: 'procureur_des_konings', reference: '' },
            description: 'x',
            deadline: '2025-04-15',
          },
          metadata: at(GAK, '2025-03-16T09:00:00Z'),
        }),
      )
      .thenThrows({ code: 'required', status: 422, field: 'from.reference' });
  });

  it('distributes and redistributes, naming the previous assignee', () => {
    investigation
      .given(opened, received)
      .when((s) =>
        decideDistributeParketTask(s, {
          type: 'DistributeParketTask',
          data: { parketTaskId: 'pt-1', assignee: DETECTIVE.staffId, team: 'Interventie Gerechtelijk team' },
          metadata: at(GAK, '2025-03-16T10:00:00Z'),
        }),
      )
      .then([distributed]);
    investigation
      .given(opened, received, distributed)
      .when((s) =>
        decideDistributeParketTask(s, {
          type: 'DistributeParketTask',
          data: { parketTaskId: 'pt-1', assignee: COLLEAGUE.staffId },
          metadata: at(GAK, '2025-03-17T10:00:00Z'),
        }),
      )
      .then([
        {
          type: 'ParketTaskDistributed',
          data: {
            ...recorded(GAK, '2025-03-17T10:00:00.000Z'),
            parketTaskId: 'pt-1',
            assignee: COLLEAGUE.staffId,
            previousAssignee: DETECTIVE.staffId,
          },
        },
      ]);
  });

  it('completes within the deadline, and nothing more after', () => {
    const completed = {
      type: 'ParketTaskCompleted' as const,
      data: {
        ...recorded(DETECTIVE, '2025-04-10T12:00:00.000Z'),
        parketTaskId: 'pt-1',
        from: KANTSCHRIFT,
        result: 'PV van verhoor opgesteld',
        deadline: '2025-04-15',
        late: false,
      },
    };
    investigation
      .given(opened, received, distributed)
      .when((s) =>
        decideCompleteParketTask(s, {
          type: 'CompleteParketTask',
          data: { parketTaskId: 'pt-1', result: 'PV van verhoor opgesteld' },
          metadata: at(DETECTIVE, '2025-04-10T12:00:00Z'),
        }),
      )
      .then([completed]);
    investigation
      .given(opened, received, distributed, completed)
      .when((s) =>
        decideDistributeParketTask(s, {
          type: 'DistributeParketTask',
          data: { parketTaskId: 'pt-1', assignee: COLLEAGUE.staffId },
          metadata: at(GAK, '2025-04-11T10:00:00Z'),
        }),
      )
      .thenThrows({ code: 'parket_task_completed', status: 409 });
  });

  it('refuses an unknown parket task', () => {
    investigation
      .given(opened)
      .when((s) =>
        decideCompleteParketTask(s, {
          type: 'CompleteParketTask',
          data: { parketTaskId: 'pt-9', result: 'x' },
          metadata: at(DETECTIVE, '2025-04-10T12:00:00Z'),
        }),
      )
      .thenThrows({ code: 'parket_task_not_found', status: 404 });
  });
});
