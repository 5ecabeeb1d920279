/** Samples handed over at calls and visits (features/samples). */
export const samples = {
  heading: "Samples handed over",
  none: "No samples handed over yet.",
  line: "{{quantity}} × {{item}}",
  batchOf: "batch {{batch}}",
  handedOver: "Samples handed over",
  row: "Sample {{number}}",
  itemCode: "Item code",
  description: "Description",
  quantity: "Quantity",
  batch: "Batch (lot) number",
  batchHint: "As printed on the pack: needed if the lot is recalled.",
  add: "Add sample",
  remove: "Remove",
  removeRow: "Remove sample {{number}}",
};
