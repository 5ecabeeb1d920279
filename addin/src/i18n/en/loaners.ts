/** Loaner orders: equipment lent to a customer, its due-back date and its return (features/loaners). */
export const loaners = {
  type: "Order type",
  types: { STANDARD: "Standard order", LOANER: "Loaner (equipment lent)" },
  dueBackOn: "Due back on",
  dueBackHint: "The salesman gets a reminder task when it is overdue",
  loaner: "Loaner",
  dueBack: "due back {{day}}",
  overdue: "overdue",
  returned: "Returned on {{day}} by {{name}}",
  returnButton: "Return {{number}}",
  returnForm: "Return {{number}}",
  returnedOn: "Returned on",
  remark: "Remark (optional)",
  recordReturn: "Record return",
  back: "Back",
  heading: "Open loaners",
  item: "{{number}} {{title}}",
};
