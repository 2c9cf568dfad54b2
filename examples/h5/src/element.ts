// Entry of the self-hosted SDK file `sdk/element.js`: the custom element and its transports (shipped to customers).
export * from '@digital-human/element';
